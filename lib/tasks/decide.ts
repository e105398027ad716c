// Approve, reject (a reason is required) or complete a task from the inbox: completeTask does
// the exactly-once closure and resumes the run; this adds the inbox's rules, the request's
// metadata on the run's human_approval event, and the task's audit entry.
import "server-only";
import { resumeRunFromTask } from "@/lib/runtime/control";
import type { TaskActor } from "./access";
import { auditTask, type RequestMeta } from "./audit";
import { answerOf, completeTask, type CompleteResult, type ResumeRun } from "./complete";
import { heldByOther as heldByOtherWords } from "./race-words";
import { assigneeName, NOT_FOUND, visibleTask } from "./result";
import { isOpen } from "./rows";
import type { HumanTaskDoc } from "@/models/HumanTask";

/** "Mia holds this task (claimed 2 minutes ago, …)" when someone else holds an open task (admins may still act). */
async function heldByOther(actor: TaskActor, task: HumanTaskDoc): Promise<string | null> {
  if (!isOpen(task.status) || !task.assignee || actor.roles.includes("admin")) return null;
  const who = task.assignee.trim().toLowerCase();
  if (who === actor.id || who === actor.email?.toLowerCase()) return null;
  return heldByOtherWords(await assigneeName(task.assignee), task.claimedAt);
}

export type DecideResult = CompleteResult;

export async function decideTask(actor: TaskActor, taskId: string, input: unknown, meta: RequestMeta | null): Promise<DecideResult> {
  const task = await visibleTask(actor, taskId);
  if (!task) return { ...NOT_FOUND };
  const held = await heldByOther(actor, task);
  if (held) return { ok: false, code: "forbidden", message: held };
  const body = (input ?? {}) as { decision?: unknown; comment?: unknown };
  if (body.decision === "reject" && (typeof body.comment !== "string" || body.comment.trim().length < 3)) {
    return { ok: false, code: "invalid", message: "Say why you reject it.", errors: { comment: ["A reason is required to reject (at least 3 characters)"] } };
  }
  const resume: ResumeRun = async (r) => {
    const { result, reason } = await answerOf(r);
    return resumeRunFromTask(r.runId, r.stepId, result, {
      by: r.output.by,
      reason,
      metadata: { userId: actor.id, ipAddress: meta?.ipAddress ?? null, userAgent: meta?.userAgent ?? null },
      ...(r.attempt !== null ? { attempt: r.attempt } : {}),
    });
  };
  const result = await completeTask(actor, taskId, input, resume);
  if (result.ok) {
    await auditTask({ id: taskId, runId: task.executionId, nodeId: task.nodeId, stepId: task.stepId }, "human_task_decision", actor.id, meta, {
      decision: result.resume.output.decision,
      comment: result.resume.output.comment,
    });
  }
  return result;
}
