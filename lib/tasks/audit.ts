// Audit entries for what people do to a task (claim, release, delegate, comment, decide) and
// what the SLA job does (escalate), in event_logs with who, from which IP and user agent. They
// form the task's own stream, runId "task:<taskId>", because a run's seq belongs to the worker
// moving it; the decision also reaches the run's own stream as its human_approval event.
import "server-only";
import { EventLog } from "@/models/EventLog";

export interface RequestMeta {
  ipAddress: string | null;
  userAgent: string | null;
}

export type TaskAuditType =
  | "human_task_claimed"
  | "human_task_released"
  | "human_task_delegated"
  | "human_task_comment"
  | "human_task_decision"
  | "human_task_escalated"
  | "human_task_overdue";

export interface AuditedTask {
  id: string;
  runId: string;
  nodeId: string;
  stepId: string;
}

export function taskStreamId(taskId: string): string {
  return `task:${taskId}`;
}

export async function auditTask(task: AuditedTask, type: TaskAuditType, userId: string | null, meta: RequestMeta | null, data: Record<string, unknown> = {}): Promise<void> {
  const at = new Date();
  // Unique within the task's stream without a counter: milliseconds and a random tail.
  const seq = at.getTime() * 1_000 + Math.floor(Math.random() * 1_000);
  await EventLog.create({
    _id: `${taskStreamId(task.id)}:${seq}`,
    runId: taskStreamId(task.id),
    seq,
    type,
    nodeId: task.nodeId,
    stepId: task.stepId,
    data: JSON.stringify({ runId: task.runId, taskId: task.id, ...data }),
    metadata: { userId, ipAddress: meta?.ipAddress ?? null, userAgent: meta?.userAgent ?? null },
    at,
  });
}
