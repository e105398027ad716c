// Completing a human task: the form and the person are checked, then the completion is
// recorded with one atomic insert keyed by the task (lib/tasks/closure.ts), so of many
// concurrent completions exactly one wins and a double submit changes nothing. The winner
// gets what the runtime needs to continue the paused run and hands it to resumeRun.
import "server-only";
import { isValidObjectId, type Types } from "mongoose";
import { z } from "zod";
import type { FormField } from "@/lib/nodes/human/form-field";
import { resumeRunFromTask } from "@/lib/runtime/control";
import type { Answer } from "@/lib/runtime/messages";
import { spendAnswer } from "@/lib/ai/budget/answer";
import { BUDGET_WAIT_REASON } from "@/lib/ai/budget/wait";
import { HumanTask, OPEN_TASK_STATUSES, type HumanTaskDoc } from "@/models/HumanTask";
import { canCompleteTask, type TaskActor } from "./access";
import { closeTaskOnce, closureOf, markResumed, mirror } from "./closure";
import { checkFormValues, type FormValues } from "./form";
import { alreadyClosed as alreadyClosedWords, closureVerb } from "./race-words";
import { nameFor } from "./result";

export const TASK_DECISIONS = ["approve", "reject"] as const;
export type TaskDecision = (typeof TASK_DECISIONS)[number];

export const completeTaskInputSchema = z.object({
  decision: z.enum(TASK_DECISIONS, { error: "Choose approve or reject" }),
  values: z.record(z.string(), z.unknown()).default({}),
  comment: z.string({ error: "The comment must be text" }).trim().max(5_000, { error: "The comment may be at most 5,000 characters" }).optional(),
});

/** The human step's output: what `$nodes.<id>` shows after the task. */
export interface TaskOutput {
  decision: TaskDecision;
  values: FormValues;
  comment: string | null;
  /** The user id of who completed it. */
  by: string;
  /** ISO date-time. */
  at: string;
}

/** What the runtime needs to continue the run: resumeWaiting(state, graph, stepId, { kind: "ok", output, handle }). */
export interface TaskResume {
  taskId: string;
  /** The step attempt that created the task (from its idempotency key). */
  attempt: number | null;
  runId: string;
  workflowId: string;
  nodeId: string;
  stepId: string;
  handle: TaskDecision;
  output: TaskOutput;
  /** When the task was created, for time-to-approve. */
  createdAt: string;
  /** Set when the task approves extra AI spend (lib/ai/budget/gate.ts) rather than a human step. */
  spendApproval?: { amountUsd: number } | null;
  /** The name of who completed it, when known (else looked up). */
  byName?: string | null;
}

export type CompleteResult =
  /** `run` is what the runtime said about continuing the run (e.g. that it had been cancelled meanwhile). */
  | { ok: true; message: string; resume: TaskResume; run?: { ok: boolean; message: string } }
  | { ok: false; code: "not_found" | "forbidden" | "closed" | "invalid"; message: string; errors?: Record<string, string[]> };

export type ResumeRun = (resume: TaskResume) => Promise<{ ok: boolean; message: string } | void>;

/** What the paused step is told: a human step leaves by approve/reject; a spend approval reruns or fails its AI step. */
export async function answerOf(resume: TaskResume): Promise<{ result: Answer; reason: string }> {
  if (resume.spendApproval) return { result: await spendAnswer(resume, resume.spendApproval.amountUsd), reason: BUDGET_WAIT_REASON };
  return { result: { kind: "ok", output: resume.output, handle: resume.handle }, reason: "human" };
}

/** Posts the answer to the paused run through the runtime; it continues on a worker. */
export const resumeRun: ResumeRun = async (resume) => {
  const { result, reason } = await answerOf(resume);
  return resumeRunFromTask(resume.runId, resume.stepId, result, {
    by: resume.output.by,
    reason,
    ...(resume.attempt !== null ? { attempt: resume.attempt } : {}),
  });
};

function attemptOf(idempotencyKey: string | undefined): number | null {
  const last = Number(idempotencyKey?.split(":").pop());
  return Number.isInteger(last) ? last : null;
}

/** The resume payload of a completed task, e.g. for a sweep that finds a run still waiting on it. */
export function resumeOf(
  task: Pick<HumanTaskDoc, "_id" | "idempotencyKey" | "executionId" | "workflowId" | "nodeId" | "stepId" | "result" | "createdAt"> & { spendApproval?: { amountUsd?: number | null } | null },
  byName?: string | null,
): TaskResume | null {
  const output = task.result as TaskOutput | null;
  if (!output) return null;
  return {
    taskId: String(task._id),
    attempt: attemptOf(task.idempotencyKey),
    runId: task.executionId,
    workflowId: task.workflowId,
    nodeId: task.nodeId,
    stepId: task.stepId,
    handle: output.decision,
    output,
    createdAt: task.createdAt?.toISOString() ?? "",
    ...(typeof task.spendApproval?.amountUsd === "number" ? { spendApproval: { amountUsd: task.spendApproval.amountUsd } } : {}),
    ...(byName ? { byName } : {}),
  };
}

/** The closure that beat us: make sure the task shows it, and say what happened. */
async function alreadyClosed(taskId: Types.ObjectId): Promise<CompleteResult> {
  const closure = await closureOf(taskId);
  if (closure) {
    const output = closure.output as TaskOutput | null;
    // The whole closure, comment included: a loser's mirror may reach the task before the
    // winner's, and the winner's then finds the task closed and writes nothing.
    await mirror(taskId, { kind: closure.kind, runId: closure.runId, stepId: closure.stepId, output, by: closure.by ?? null, at: closure.at, comment: closure.comment, byName: closure.byName });
    return { ok: false, code: "closed", message: alreadyClosedWords({ did: closureVerb(closure.kind, output), name: await nameFor(closure.by, closure.byName), at: closure.at }) };
  }
  return { ok: false, code: "closed", message: "This task is closed. Nothing was changed." };
}

/**
 * Completes the task for `actor`. `resume` continues the paused run (the runtime's, by default)
 * and is called only by the one completion that wins; if it throws, the task stays completed
 * and its closure keeps resumedAt unset, so the run can be resumed later from resumeOf(task).
 */
export async function completeTask(actor: TaskActor, taskId: string, input: unknown, resume: ResumeRun = resumeRun): Promise<CompleteResult> {
  if (!isValidObjectId(taskId)) return { ok: false, code: "not_found", message: "That task does not exist." };
  const parsed = completeTaskInputSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, code: "invalid", message: "Check the highlighted fields.", errors };
  }
  const { decision, values, comment } = parsed.data;

  const task = await HumanTask.findById(taskId).lean<HumanTaskDoc>();
  if (!task) return { ok: false, code: "not_found", message: "That task does not exist." };
  if (!(OPEN_TASK_STATUSES as readonly string[]).includes(task.status)) return alreadyClosed(task._id);
  if (!canCompleteTask(actor, task)) return { ok: false, code: "forbidden", message: "This task is not assigned to you or to one of your roles." };
  const checked = checkFormValues((task.formFields ?? []) as FormField[], values);
  if (!checked.ok) return { ok: false, code: "invalid", message: "Check the highlighted fields.", errors: checked.errors };

  const at = new Date();
  const output: TaskOutput = { decision, values: checked.values, comment: comment || null, by: actor.id, at: at.toISOString() };
  const won = await closeTaskOnce(task._id, { kind: "completed", runId: task.executionId, stepId: task.stepId, output, by: actor.id, at, comment, byName: actor.name ?? null });
  if (!won) return alreadyClosed(task._id);
  const answer = resumeOf({ ...task, result: output }, actor.name ?? null)!;
  const run = (await resume(answer)) ?? undefined;
  await markResumed(task._id);
  const message = decision === "approve" ? "Approved." : "Rejected.";
  return { ok: true, message: run && !run.ok ? `${message} ${run.message}` : message, resume: answer, ...(run ? { run } : {}) };
}
