// "Run from here" (issue 13): a test run of the current draft that starts at a chosen node with
// the data that node had in a past run, so the steps before it are not run again. Pure: the
// runtime reads the past run's history and state, these functions pick the starting point out
// of it and build the new run's first state.
import { compileGraph } from "./compiled-graph";
import { Draft } from "./draft";
import { emptyState, refusal, type RunVersion, type StartOutcome } from "./interpreter";
import { settle } from "./lifecycle";
import type { NodeOutput, Variable } from "./state";

/** One step of the past run as its history recorded it, in the order the steps ended. */
export interface PastStep {
  nodeId: string;
  stepId: string;
  status: "succeeded" | "failed" | "cancelled";
  /** Absent when the history did not keep it (too big). */
  input?: { value?: unknown };
  output?: { value?: unknown };
}

export interface PastRun {
  runId: string;
  input: unknown;
  /** The run's variables as its latest state holds them (history does not record them per step). */
  variables: Variable[];
  steps: PastStep[];
}

/** Where the new run starts and with what: the node, its input, and the run data before it. */
export interface StartingPoint {
  fromRunId: string;
  nodeId: string;
  stepInput: unknown;
  runInput: unknown;
  variables: Variable[];
  /** The latest output of each step that ended before the chosen one: what $nodes reads there. */
  outputs: { nodeId: string; stepId: string; output?: unknown }[];
}

/**
 * The starting point for `nodeId` in a past run: its latest step whose input was kept, and the
 * outputs of the steps that succeeded before that step ended. A message when it never ran there.
 */
export function startingPointIn(past: PastRun, nodeId: string): { ok: true; point: StartingPoint } | { ok: false; message: string } {
  let at = -1;
  for (let i = past.steps.length - 1; i >= 0; i--) {
    if (past.steps[i].nodeId === nodeId) {
      at = i;
      if (past.steps[i].input) break;
    }
  }
  if (at < 0) return { ok: false, message: `The step "${nodeId}" did not run in that run, so there is no data to start it with.` };
  const step = past.steps[at];
  if (!step.input) return { ok: false, message: `That run did not keep the input of step "${nodeId}" (it was too big), so it cannot start from there.` };
  const outputs = new Map<string, NodeOutput>();
  for (const s of past.steps.slice(0, at)) {
    if (s.status === "succeeded" && s.output && s.nodeId !== nodeId) outputs.set(s.nodeId, { nodeId: s.nodeId, stepId: s.stepId, output: s.output.value });
  }
  return {
    ok: true,
    point: {
      fromRunId: past.runId,
      nodeId,
      stepInput: step.input.value,
      runInput: past.input,
      variables: past.variables.map((v) => ({ ...v })),
      outputs: [...outputs.values()],
    },
  };
}

/**
 * The first state of a run of `version` that starts at the point's node with its data. The
 * version (the current draft) must still have that node; outputs of nodes it no longer has are
 * dropped. Steps before the node never run: they have no record and are reported skipped.
 */
export function startRunFrom(version: RunVersion, point: StartingPoint, now: number, options: { runId: string }): StartOutcome {
  const refused = refusal(version);
  if (refused) return refused;
  const graph = compileGraph(version);
  const target = graph.byId.get(point.nodeId);
  if (!target) return { ok: false, message: `The draft has no step "${point.nodeId}" any more, so the run cannot start there.`, problems: [] };
  if (target.type === "start") return { ok: false, message: "Starting from the Start step is an ordinary test run: use Run.", problems: [] };
  const outputs = point.outputs.filter((o) => graph.byId.has(o.nodeId)).map((o) => ({ ...o }));
  const state = emptyState(version, options.runId, now, { input: point.runInput, variables: point.variables.map((v) => ({ ...v })), outputs });
  const draft = new Draft(state, graph, now);
  // The input is copied onto the token: there is no sender in this run whose output it could read.
  draft.addToken(target.id, undefined, { value: point.stepInput });
  return { ok: true, ...settle(draft) };
}
