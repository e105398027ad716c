// Answering a waiting step with "run it again": the step becomes ready with the same attempt
// (same idempotency key) and its executor runs once more. For a wait that an executor asked for
// before doing its work — an AI step paused for approval of extra spend (lib/ai/budget/gate.ts):
// once approved, the step must make its call, not complete without it. Pure, like the rest of
// the core; retries are untouched (the attempt does not move).
import { compileGraph, nodeOf } from "./compiled-graph";
import { Draft, unchanged, without } from "./draft";
import { settle } from "./lifecycle";
import { isTerminal, type RunState, type Transition } from "./state";
import type { WorkflowGraph } from "@/lib/workflow/types";

export function rerunWaiting(state: RunState, graph: WorkflowGraph, stepId: string, now: number): Transition {
  if (isTerminal(state.status)) return unchanged(state, `The run has already ended (${state.status}); nothing was changed`);
  const token = state.tokens.find((t) => t.stepId === stepId);
  if (!token || token.state !== "waiting") return unchanged(state, `Nothing is waiting at ${stepId}: it was already answered or cancelled`);
  const compiled = compileGraph(graph);
  const draft = new Draft(state, compiled, now);
  draft.putToken({ ...without(token, "wait", "startedAt", "deadline", "replays"), state: "ready" });
  draft.updateRecord(nodeOf(compiled, token.nodeId).id, { status: "ready" });
  return settle(draft);
}
