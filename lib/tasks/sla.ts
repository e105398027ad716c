// SLA arithmetic for human tasks: when a task is overdue, when its escalation is due, when to
// remind, and how to say "due in 2 h". Pure: the background job (lib/tasks/sla-job.ts), the
// inbox list and the task page all use it.

export const TASK_PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export interface SlaTask {
  status: string;
  createdAt: number;
  dueAt: number | null;
  escalation: { afterMinutes?: number | null; action?: string | null; to?: string | null } | null;
  escalatedAt: number | null;
  remindedAt: number | null;
}

export interface SlaDue {
  markOverdue: boolean;
  escalate: boolean;
  remind: boolean;
}

const MINUTE = 60_000;
const OPEN = new Set(["pending", "in_progress", "overdue"]);

/**
 * When a reminder goes out: a quarter of the time allowed before the due date, at most an hour
 * and at least a minute before it. Null for a task without a due date.
 */
export function reminderAt(createdAt: number, dueAt: number | null): number | null {
  if (dueAt === null) return null;
  const window = Math.max(0, dueAt - createdAt);
  const lead = Math.min(60 * MINUTE, Math.max(MINUTE, window / 4));
  return Math.max(createdAt, dueAt - lead);
}

export function escalationAt(task: Pick<SlaTask, "createdAt" | "escalation">): number | null {
  const after = task.escalation?.afterMinutes;
  return after && task.escalation?.action ? task.createdAt + after * MINUTE : null;
}

/** What the SLA job should do to `task` at `now`; each of these happens once per task. */
export function slaDue(task: SlaTask, now: number): SlaDue {
  if (!OPEN.has(task.status)) return { markOverdue: false, escalate: false, remind: false };
  const overdue = task.dueAt !== null && now >= task.dueAt;
  const escalateAt = escalationAt(task);
  const remindAt = reminderAt(task.createdAt, task.dueAt);
  return {
    markOverdue: overdue && task.status !== "overdue",
    escalate: escalateAt !== null && now >= escalateAt && task.escalatedAt === null,
    remind: remindAt !== null && !overdue && now >= remindAt && task.remindedAt === null,
  };
}

export function raisedPriority(priority: TaskPriority): TaskPriority {
  const i = TASK_PRIORITIES.indexOf(priority);
  return TASK_PRIORITIES[Math.min(TASK_PRIORITIES.length - 1, Math.max(0, i) + 1)];
}

export function priorityRank(priority: string): number {
  return Math.max(0, TASK_PRIORITIES.indexOf(priority as TaskPriority));
}

function span(ms: number): string {
  const minutes = Math.floor(ms / MINUTE);
  if (minutes < 1) return `${Math.max(0, Math.floor(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** "due in 2 h 5 min", "overdue by 3 min", or null without a due date. */
export function dueLabel(dueAt: number | null, now: number): string | null {
  if (dueAt === null) return null;
  return dueAt > now ? `due in ${span(dueAt - now)}` : `overdue by ${span(now - dueAt)}`;
}

export type DueWindow = "overdue" | "today" | "week" | "later" | "none";

/** The due-date filter's buckets. */
export function dueWindow(dueAt: number | null, now: number): DueWindow {
  if (dueAt === null) return "none";
  if (dueAt <= now) return "overdue";
  if (dueAt - now <= 24 * 60 * MINUTE) return "today";
  if (dueAt - now <= 7 * 24 * 60 * MINUTE) return "week";
  return "later";
}
