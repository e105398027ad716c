// Time-driven transitions: the workflow's time limit, node time limits, and waits that end by
// themselves (timers). The runtime calls tick() when now reaches state.wakeAt.
import { compileGraph, nodeOf } from "./compiled-graph";
import { Draft, unchanged } from "./draft";
import { failRun, settle } from "./lifecycle";
import { complete, fail } from "./outcomes";
import { isTerminal, tokenInput, type RunState, type Transition } from "./state";
import type { WorkflowGraph } from "@/lib/workflow/types";

function describeSeconds(ms: number): string {
  const seconds = Math.round(ms / 1_000);
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}

/** Fails the run past its workflow time limit, and running steps past their node time limit. */
export function timeoutCheck(state: RunState, graph: WorkflowGraph, now: number): Transition {
  if (isTerminal(state.status)) return unchanged(state, `The run has already ended (${state.status})`);
  const compiled = compileGraph(graph);
  const draft = new Draft(state, compiled, now);
  if (state.deadline !== undefined && now >= state.deadline) {
    failRun(draft, {
      message: `The run did not finish within the workflow's time limit of ${describeSeconds(state.limits.timeoutMs)}`,
      code: "workflow_timeout",
    });
    return draft.transition();
  }
  const late = state.tokens.filter((t) => t.state === "running" && t.deadline !== undefined && now >= t.deadline);
  if (late.length === 0) return unchanged(state, "No time limit has passed");
  for (const { stepId } of late) {
    // Re-read from the draft: an earlier step of this loop may have changed the token.
    const token = draft.token(stepId);
    if (isTerminal(draft.state.status) || !token) continue;
    const node = nodeOf(compiled, token.nodeId);
    draft.state.stepCount += 1;
    const limit = (token.deadline ?? now) - (token.startedAt ?? now);
    fail(draft, node, token, { message: `did not finish within its time limit of ${limit} ms`, code: "node_timeout" }, true);
  }
  return settle(draft);
}

/** Completes waiting steps whose `until` has come (timers), with their wait output or their input. */
export function wakeTimers(state: RunState, graph: WorkflowGraph, now: number): Transition {
  if (isTerminal(state.status)) return unchanged(state, `The run has already ended (${state.status})`);
  const due = state.tokens.filter((t) => t.state === "waiting" && t.wait?.until !== undefined && t.wait.until <= now);
  if (due.length === 0) return unchanged(state, "No timer is due");
  const compiled = compileGraph(graph);
  const draft = new Draft(state, compiled, now);
  for (const { stepId } of due) {
    const token = draft.token(stepId);
    if (isTerminal(draft.state.status) || !token) continue;
    const output = token.wait?.output ? token.wait.output.value : tokenInput(draft.state, token);
    complete(draft, nodeOf(compiled, token.nodeId), token, { output, handle: token.wait?.handle });
  }
  return settle(draft);
}

/** Everything due at now: timeouts first (a run past its limit does not wake its timers), then timers. */
export function tick(state: RunState, graph: WorkflowGraph, now: number): Transition {
  const first = timeoutCheck(state, graph, now);
  const second = wakeTimers(first.state, graph, now);
  if (first.ignored && second.ignored) return unchanged(state, "Nothing is due");
  const schedule = { ...second.schedule };
  if (schedule.retryAt === undefined && first.schedule.retryAt !== undefined) schedule.retryAt = first.schedule.retryAt;
  return { state: second.state, events: [...first.events, ...second.events], schedule };
}
