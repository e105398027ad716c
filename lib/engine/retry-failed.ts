// Retrying a failed run from where it failed: the same run continues, everything recorded
// before stays (outputs, variables, finished steps), and what was live at the failure runs
// again. The failed step gets a new attempt; so does every step the failure interrupted while
// it was running or waiting (their work outside the run, a task or a child run, was cancelled,
// and a new attempt gets a new idempotency key). Steps that had not begun keep their attempt.
// Joins that were collecting branches are put back as they were.
import type { WorkflowGraph } from "@/lib/workflow/types";
import { compileGraph } from "./compiled-graph";
import { Draft, unchanged, without } from "./draft";
import { settle } from "./lifecycle";
import type { RunState, Token, Transition } from "./state";

/** Why the run cannot be retried, or null when it can. The messages are shown to people as they are. */
export function retryRefusal(state: RunState): string | null {
  if (state.status !== "failed") return `Only a failed run can be retried; this one is ${state.status}.`;
  if (state.error?.code === "step_limit") {
    return 'This run was stopped by the workflow\'s step limit; retrying would stop it again. Raise "Max steps" in the workflow settings and re-run it.';
  }
  const stopped = state.stopped;
  if (!stopped || (!stopped.failed && stopped.tokens.length === 0 && stopped.joins.length === 0)) {
    return "This run cannot be retried: it keeps no record of the step it failed at. Re-run it instead.";
  }
  return null;
}

/** The token as it runs again: ready now, on a new attempt when it had begun. */
function again(token: Token, failed: boolean): Token {
  const begun = failed || token.state !== "ready";
  const fresh: Token = { ...without(token, "readyAt", "startedAt", "deadline", "wait"), state: "ready" };
  if (begun) fresh.attempt = token.attempt + 1;
  return fresh;
}

export interface RetryOptions {
  /** Who asked (a user id), for the event. */
  by?: string;
}

/**
 * Continues a failed run from the step that failed. Returns the run running again with a
 * "run_retried" event, or the state unchanged with `ignored` saying why (see retryRefusal).
 */
export function retryFailedRun(state: RunState, graph: WorkflowGraph, now: number, options: RetryOptions = {}): Transition {
  const refusal = retryRefusal(state);
  if (refusal) return unchanged(state, refusal);
  const stopped = state.stopped!;
  const draft = new Draft(state, compileGraph(graph), now);
  const run = draft.state;
  const error = run.error;
  const failed = stopped.failed ? again(stopped.failed, true) : undefined;
  // The step that failed sees why it failed last time, as an automatic retry would.
  if (failed && error) failed.lastError = without(error, "stepId", "nodeIds");
  const restored = [...(failed ? [failed] : []), ...stopped.tokens.map((t) => again(t, false))];
  run.tokens = restored;
  run.joins = [...stopped.joins];
  for (const token of restored) draft.updateRecord(token.nodeId, { status: "ready", lastStepId: token.stepId });
  delete run.error;
  delete run.endedAt;
  delete run.stopped;
  run.status = "running";
  run.retries = (run.retries ?? 0) + 1;
  // A fresh time budget: the one the failure used up would end the retried run at once.
  if (run.limits.timeoutMs > 0) run.deadline = now + run.limits.timeoutMs;
  draft.emit({
    type: "run_retried",
    at: now,
    retry: run.retries,
    ...(stopped.failed ? { nodeId: stopped.failed.nodeId, stepId: stopped.failed.stepId } : {}),
    steps: restored.map((t) => ({ nodeId: t.nodeId, stepId: t.stepId, attempt: t.attempt })),
    ...(error ? { previousError: error.message } : {}),
    ...(options.by ? { by: options.by } : {}),
  });
  return settle(draft);
}
