// A task as the inbox list shows it: small, so thousands fit in memory and in one page of JSON.
// Pure, shared by the server (lib/tasks/open-index.ts, queries) and the client list.
import type { TaskPriority } from "./sla";

export type TaskStatus = "pending" | "in_progress" | "completed" | "cancelled" | "overdue";

export interface TaskRow {
  id: string;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  /** ms since epoch, or null when the task has no due date. */
  dueAt: number | null;
  createdAt: number;
  assignee: string | null;
  candidateRoles: string[];
  candidateUsers: string[];
  workflowId: string;
  workflowName: string;
  runId: string;
  completedBy: string | null;
  completedAt: number | null;
  /** approve / reject for a completed task. */
  decision: string | null;
  /** For the SLA job: when the escalation is due (null: none, or done), and whether the reminder went out. */
  escalateAt: number | null;
  reminded: boolean;
  /** The extra AI spend a budget task asks to approve (lib/ai/budget/gate.ts); null for other tasks. */
  spendUsd?: number | null;
}

export interface RowSource {
  _id: unknown;
  title: string;
  status: string;
  priority?: string | null;
  dueAt?: Date | null;
  createdAt?: Date | null;
  assignee?: string | null;
  candidateRoles?: string[] | null;
  candidateUsers?: string[] | null;
  workflowId: string;
  workflowName?: string | null;
  executionId: string;
  completedBy?: string | null;
  completedAt?: Date | null;
  result?: unknown;
  escalation?: { afterMinutes?: number | null; action?: string | null } | null;
  escalatedAt?: Date | null;
  reminders?: { sentAt?: Date | null }[] | null;
  spendApproval?: { amountUsd?: number | null } | null;
}

/** The fields a row needs, for a projection. */
export const ROW_FIELDS = {
  title: 1, status: 1, priority: 1, dueAt: 1, createdAt: 1, assignee: 1, candidateRoles: 1, candidateUsers: 1,
  workflowId: 1, workflowName: 1, executionId: 1, completedBy: 1, completedAt: 1, "result.decision": 1,
  escalation: 1, escalatedAt: 1, reminders: 1, spendApproval: 1,
} as const;

export function rowOf(doc: RowSource): TaskRow {
  const decision = (doc.result as { decision?: string } | null | undefined)?.decision ?? null;
  return {
    id: String(doc._id),
    title: doc.title,
    status: doc.status as TaskStatus,
    priority: (doc.priority ?? "medium") as TaskPriority,
    dueAt: doc.dueAt ? new Date(doc.dueAt).getTime() : null,
    createdAt: doc.createdAt ? new Date(doc.createdAt).getTime() : 0,
    assignee: doc.assignee ?? null,
    candidateRoles: [...(doc.candidateRoles ?? [])],
    candidateUsers: [...(doc.candidateUsers ?? [])],
    workflowId: String(doc.workflowId),
    workflowName: doc.workflowName ?? "",
    runId: doc.executionId,
    completedBy: doc.completedBy ?? null,
    completedAt: doc.completedAt ? new Date(doc.completedAt).getTime() : null,
    decision,
    escalateAt: !doc.escalatedAt && doc.escalation?.afterMinutes && doc.escalation.action && doc.createdAt ? new Date(doc.createdAt).getTime() + doc.escalation.afterMinutes * 60_000 : null,
    reminded: (doc.reminders ?? []).some((r) => !!r.sentAt),
    spendUsd: typeof doc.spendApproval?.amountUsd === "number" ? doc.spendApproval.amountUsd : null,
  };
}

export const OPEN_STATUSES: readonly TaskStatus[] = ["pending", "in_progress", "overdue"];

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}
