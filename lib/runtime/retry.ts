import "server-only";
// Retrying a failed run from the step that failed, on behalf of a person. Like cancel and the
// answers of waiting steps (control.ts), nothing here writes the run's state: a retry message
// is inserted (its _id names the failure it retries, so two clicks make one retry), the run is
// put back in the queue, and the worker that claims it applies lib/engine/retry-failed.ts to
// the latest state and carries on. The same run continues: its id, its events (seq goes on
// without a gap, starting with "run_retried") and the steps that succeeded before.
import type { Actor } from "@/lib/auth/roles";
import { retryRefusal } from "@/lib/engine/retry-failed";
import { ARCHIVED } from "@/lib/workflows/store";
import { nudgeRun } from "./bus";
import type { ControlActionResult } from "./contract";
import { readRun } from "./control";
import type { EventMetadata } from "./event-records";
import { messageExists, postRetry, retryMessageId } from "./messages";
import { readEntry, wakeRun } from "./queue";
import { authorizedRun, type RequestMeta } from "./start";

export const CHILD_RUN_RETRY = "This run was started by a subprocess step of another run, which already got its result. Retry that run instead.";

export interface RetryRequest {
  by?: string | null;
  metadata?: EventMetadata;
}

/** Asks the workers to continue the failed run from the step that failed; refuses runs that cannot be. */
export async function requestRetry(runId: string, options: RetryRequest = {}): Promise<ControlActionResult & { afterSeq?: number }> {
  const run = await readRun(runId);
  if (!run) return { ok: false, message: "This run does not exist." };
  const { state, meta, seq } = run;
  const refusal = retryRefusal(state);
  if (refusal) return { ok: false, message: refusal };
  if (meta.parentExecutionId) return { ok: false, message: CHILD_RUN_RETRY };
  const posted = await postRetry(runId, { kind: "retry", afterSeq: seq, by: options.by ?? null, ...(options.metadata ? { metadata: options.metadata } : {}), at: Date.now() });
  await wakeRun(runId, meta.workflowId, meta.concurrency);
  nudgeRun(runId);
  return posted === "duplicate"
    ? { ok: true, message: "This run is already being retried.", status: "failed", afterSeq: seq }
    : { ok: true, message: "The run is being retried from the step that failed.", status: "failed", afterSeq: seq };
}

/**
 * Retries the failed run for `actor` (who needs "workflow:run" on its workflow) and waits
 * briefly until a worker has taken it up, so the page that asked shows it running.
 */
export async function retryFor(actor: Actor, runId: unknown, request: RequestMeta = {}, waitMs = 3_000): Promise<ControlActionResult> {
  const { doc, workflow } = await authorizedRun(actor, runId, "workflow:run");
  if (workflow.status === "archived") return { ok: false, message: ARCHIVED };
  const options: RetryRequest = { by: actor.id, metadata: { userId: actor.id, ...request } };
  const asked = await requestRetry(doc._id, options);
  if (!asked.ok || asked.afterSeq === undefined) return asked;
  const id = retryMessageId(doc._id, asked.afterSeq);
  let reposted = false;
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const run = await readRun(doc._id);
    if (!run) break;
    if (run.seq > asked.afterSeq || run.state.status !== "failed") {
      return { ok: true, message: "The run continues from the step that failed.", status: run.state.status };
    }
    // A worker finishing the run as it failed deletes its messages and its queue entry: a retry
    // asked in that instant is gone, or left without an entry. Ask once more, or queue it again.
    if (!reposted && !(await messageExists(id))) {
      reposted = true;
      await requestRetry(doc._id, options);
    } else if (!(await readEntry(doc._id))) {
      await wakeRun(doc._id, run.meta.workflowId, run.meta.concurrency);
    }
  }
  return { ok: true, message: asked.message, status: "failed" };
}
