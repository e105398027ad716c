// Answers and cancels from outside a worker. Neither writes the run's state: each inserts a
// message (lib/runtime/messages.ts), makes the run runnable and wakes whoever works on it; the
// worker holding the run applies it to the latest state.
import { isTerminal, type RunState } from "@/lib/engine/state";
import { nudgeRun } from "./bus";
import type { EventMetadata } from "./event-records";
import { loadFullExecution, metaOf, stateOf } from "./execution-store";
import { latestCheckpoint } from "./live-store";
import { postCancel, postResume, type Answer } from "./messages";
import type { RunMeta } from "./meta";
import { wakeRun } from "./queue";

export type ControlResult = { ok: true; message: string } | { ok: false; message: string };

/** The run's latest state and meta: its newest checkpoint while workers move it, else the execution. */
export async function readRun(runId: string): Promise<{ state: RunState; meta: RunMeta; seq: number; v: number } | null> {
  const doc = await loadFullExecution(runId);
  if (!doc) return null;
  const live = await latestCheckpoint(runId, doc.stateVersion ?? 0);
  if (live) return { state: live.state, meta: live.meta, seq: live.seq, v: live.v };
  return { state: stateOf(doc), meta: metaOf(doc), seq: doc.seq ?? 0, v: doc.stateVersion ?? 0 };
}

const ENDED: Record<string, string> = { completed: "completed", failed: "failed", cancelled: "been cancelled" };

export interface AnswerOptions {
  by?: string | null;
  /** "human" (the inbox, the default) or "subprocess". */
  reason?: string;
  metadata?: EventMetadata;
  /** Answer only this attempt of the step (a child run answers the attempt that started it). */
  attempt?: number;
}

/**
 * Answers a waiting step: a human task completed in the inbox, or a child run that ended. One
 * answer per step attempt (a second is refused); the run continues on a worker.
 */
export async function resumeRunFromTask(runId: string, stepId: string, result: Answer, options: AnswerOptions = {}): Promise<ControlResult> {
  const run = await readRun(runId);
  if (!run) return { ok: false, message: "This run does not exist." };
  const { state, meta } = run;
  if (isTerminal(state.status)) return { ok: false, message: `The run has already ${ENDED[state.status]}; the answer was not recorded.` };
  const token = state.tokens.find((t) => t.stepId === stepId);
  if (!token || (options.attempt !== undefined && token.attempt !== options.attempt)) {
    return { ok: false, message: "This step is no longer waiting: it was already answered, or the run moved on." };
  }
  const posted = await postResume(runId, {
    kind: "resume",
    stepId,
    attempt: token.attempt,
    result,
    reason: options.reason ?? "human",
    by: options.by ?? null,
    ...(options.metadata ? { metadata: options.metadata } : {}),
    at: Date.now(),
  });
  if (posted === "duplicate") return { ok: false, message: "This step was already answered." };
  await wakeRun(runId, meta.workflowId, meta.concurrency);
  nudgeRun(runId);
  return { ok: true, message: "The answer was recorded; the run continues." };
}

export interface CancelOptions {
  by?: string | null;
  reason?: string;
  metadata?: EventMetadata;
}

/** Asks the run to stop. A run that has ended is left as it is, with a message saying so. */
export async function requestCancel(runId: string, options: CancelOptions = {}): Promise<ControlResult> {
  const run = await readRun(runId);
  if (!run) return { ok: false, message: "This run does not exist." };
  const { state, meta } = run;
  if (isTerminal(state.status)) return { ok: false, message: `This run has already ${ENDED[state.status]}; nothing was changed.` };
  await postCancel(runId, { kind: "cancel", reason: options.reason ?? "cancelled", by: options.by ?? null, ...(options.metadata ? { metadata: options.metadata } : {}), at: Date.now() });
  await wakeRun(runId, meta.workflowId, meta.concurrency);
  nudgeRun(runId);
  return { ok: true, message: "The run is being cancelled." };
}
