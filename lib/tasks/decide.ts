// Approve, reject (a reason is required) or complete a task from the inbox: completeTask does
// the exactly-once closure and resumes the run; this adds the inbox's rules, the request's
// metadata on the run's human_approval event, and the task's audit entry.
import "server-only";
import { resumeRunFromTask } from "@/lib/runtime/control";
import type { TaskActor } from "./access";
import { auditTask, type RequestMeta } from "./audit";
import { completeTask, type CompleteResult, type ResumeRun } from "./complete";
import { NOT_FOUND, visibleTask } from "./result";

export type DecideResult = CompleteResult;

export async function decideTask(actor: TaskActor, taskId: string, input: unknown, meta: RequestMeta | null): Promise<DecideResult> {
  const task = await visibleTask(actor, taskId);
  if (!task) return { ...NOT_FOUND };
  const body = (input ?? {}) as { decision?: unknown; comment?: unknown };
  if (body.decision === "reject" && (typeof body.comment !== "string" || body.comment.trim().length < 3)) {
    return { ok: false, code: "invalid", message: "Say why you reject it.", errors: { comment: ["A reason is required to reject (at least 3 characters)"] } };
  }
  const resume: ResumeRun = (r) =>
    resumeRunFromTask(r.runId, r.stepId, { kind: "ok", output: r.output, handle: r.handle }, {
      by: r.output.by,
      reason: "human",
      metadata: { userId: actor.id, ipAddress: meta?.ipAddress ?? null, userAgent: meta?.userAgent ?? null },
      ...(r.attempt !== null ? { attempt: r.attempt } : {}),
    });
  const result = await completeTask(actor, taskId, input, resume);
  if (result.ok) {
    await auditTask({ id: taskId, runId: task.executionId, nodeId: task.nodeId, stepId: task.stepId }, "human_task_decision", actor.id, meta, {
      decision: result.resume.output.decision,
      comment: result.resume.output.comment,
    });
  }
  return result;
}
