// What follows every transition: fire joins that cannot wait any longer, enforce the step
// limit, report skipped nodes, end the run when nothing is left, and recompute the run's
// status and wake-up time. Also ending a run early: failing and cancelling.
import { listNames } from "./problems";
import { reachableFrom } from "./graph-algorithms";
import type { Draft } from "./draft";
import { settleJoins } from "./joins";
import { isTerminal, type RunError, type RunStatus, type Token, type Transition } from "./state";

/** Stops every live step and pending join, telling the runtime which ones to free. */
function stopEverything(draft: Draft, reason: string): void {
  const { state, now } = draft;
  for (const token of state.tokens) {
    draft.emit({
      type: "node_cancelled",
      at: now,
      nodeId: token.nodeId,
      stepId: token.stepId,
      attempt: token.attempt,
      was: token.state,
      ...(token.wait ? { waitReason: token.wait.reason } : {}),
      reason,
    });
    draft.updateRecord(token.nodeId, { status: "cancelled" });
  }
  state.tokens.length = 0;
  state.joins.length = 0;
  delete state.wakeAt;
  state.endedAt = now;
}

/**
 * Ends the run as failed. What was live (the failed step's token when a step failed, and every
 * step and join the failure stops) is kept in state.stopped for retryFailedRun.
 */
export function failRun(draft: Draft, error: RunError, failed?: Token): void {
  draft.state.stopped = { ...(failed ? { failed } : {}), tokens: [...draft.state.tokens], joins: [...draft.state.joins] };
  stopEverything(draft, "the run failed");
  draft.state.status = "failed";
  draft.state.error = error;
  draft.emit({ type: "workflow_failed", at: draft.now, error });
}

export function cancelEverything(draft: Draft, reason: string, by?: string): void {
  stopEverything(draft, reason);
  draft.state.status = "cancelled";
  draft.emit({ type: "workflow_cancelled", at: draft.now, reason, ...(by ? { by } : {}) });
}

/** The loop the run is stuck in: the cyclic component holding a node about to run, or the busiest one. */
function runawayLoop(draft: Draft): number[] | undefined {
  const { graph, state } = draft;
  const loops = graph.loops();
  if (loops.length === 0) return undefined;
  const pending = new Set(state.tokens.map((t) => graph.byId.get(t.nodeId)?.index));
  const current = loops.find((loop) => loop.some((i) => pending.has(i)));
  if (current) return current;
  const runs = (loop: number[]) => loop.reduce((sum, i) => sum + (draft.record(graph.nodes[i].id)?.runs ?? 0), 0);
  return loops.reduce((best, loop) => (runs(loop) > runs(best) ? loop : best));
}

/** Fails the run when the steps already taken plus those about to run exceed the limit. */
function enforceStepLimit(draft: Draft): boolean {
  const { state, graph } = draft;
  const upcoming = state.tokens.filter((t) => t.state !== "waiting").length;
  if (state.stepCount + upcoming <= state.limits.maxSteps) return false;
  const limit = state.limits.maxSteps;
  const loop = runawayLoop(draft);
  const base = `The run was stopped after ${state.stepCount} steps: the workflow allows at most ${limit}`;
  const error: RunError = { message: `${base}. Raise "Max steps" in the workflow settings if it needs more.`, code: "step_limit" };
  if (loop) {
    const names = loop.map((i) => graph.nodes[i].name);
    error.message = `${base}, and it kept going round the loop through ${listNames(names, 8)}. Make sure the loop's decision can end it, or raise "Max steps" in the workflow settings.`;
    error.nodeIds = loop.map((i) => graph.nodes[i].id);
  }
  failRun(draft, error);
  return true;
}

/** Nodes that have not run and that no live step or waiting join can reach any more. */
function reportSkipped(draft: Draft): void {
  const { graph, state } = draft;
  if (state.nodes.length >= graph.nodes.length) return;
  const seeds: number[] = [];
  for (const t of state.tokens) seeds.push(graph.byId.get(t.nodeId)?.index ?? -1);
  for (const a of state.joins) seeds.push(graph.byId.get(a.nodeId)?.index ?? -1);
  const live = reachableFrom(graph.index.out, seeds.filter((i) => i >= 0));
  const recorded = new Set(state.nodes.map((r) => r.nodeId));
  const skipped: string[] = [];
  for (const node of graph.nodes) {
    if (live[node.index] || recorded.has(node.id)) continue;
    draft.putRecord({ nodeId: node.id, activations: 0, runs: 0, status: "skipped" });
    skipped.push(node.id);
  }
  if (skipped.length > 0) draft.emit({ type: "node_skipped", at: draft.now, nodeIds: skipped });
}

function earliestWake(draft: Draft): number | undefined {
  let wake = draft.state.deadline;
  const consider = (t: number | undefined) => {
    if (t !== undefined && (wake === undefined || t < wake)) wake = t;
  };
  for (const token of draft.state.tokens) {
    if (token.state === "ready") consider(token.readyAt);
    else if (token.state === "running") consider(token.deadline);
    else consider(token.wait?.until);
  }
  return wake;
}

function completeRun(draft: Draft): void {
  const { state, now } = draft;
  state.status = "completed";
  state.endedAt = now;
  delete state.wakeAt;
  draft.emit({
    type: "workflow_complete",
    at: now,
    output: state.output?.value,
    ...(state.output ? { endNodeId: state.output.nodeId } : {}),
  });
}

function liveStatus(draft: Draft): RunStatus {
  const { state } = draft;
  if (state.status === "pending") return "pending";
  return state.tokens.some((t) => t.state !== "waiting") ? "running" : "paused";
}

/** Recomputes status and wake-up time: enough after a change that moves no token (a step beginning). */
export function refresh(draft: Draft): Transition {
  const { state } = draft;
  if (!isTerminal(state.status)) {
    state.status = liveStatus(draft);
    const wake = earliestWake(draft);
    if (wake === undefined) delete state.wakeAt;
    else state.wakeAt = wake;
  }
  return draft.transition();
}

/** Brings a draft to a consistent state after a change and returns the transition. */
export function settle(draft: Draft): Transition {
  const { state } = draft;
  if (isTerminal(state.status)) return draft.transition();
  settleJoins(draft);
  if (enforceStepLimit(draft)) return draft.transition();
  reportSkipped(draft);
  if (state.tokens.length === 0 && state.joins.length === 0) {
    completeRun(draft);
    return draft.transition();
  }
  return refresh(draft);
}
