import "server-only";
// The data that flowed into a node in the workflow's latest runs, for the designer's condition
// help and its "try it" preview: the node's own recorded input when it ran, else the output of a
// step just before it, with the rest of what an expression there reads ($input, $vars, $nodes,
// $run) as that run's state holds it. Reads through the run queries, so the run visibility rule
// applies (an unseen run is skipped).
import type { Actor } from "@/lib/auth/roles";
import { outputsObject, variablesObject } from "@/lib/engine/state";
import { readRun } from "@/lib/runtime/control";
import { getRun, listRuns } from "@/lib/runtime/queries";

/** How many of the newest runs are looked through: enough to skip a run that stopped early. */
const RUNS_LOOKED_AT = 5;

/** What an expression reads besides its root `$`, built like the engine's scope (lib/engine/interpreter.ts scopeOf). */
export interface SampleScope {
  runInput: unknown;
  vars: Record<string, unknown>;
  nodes: Record<string, unknown>;
  run: { id: string; startedAt?: number };
}

export interface IncomingSample {
  runId: string;
  /** The step whose data this is: the node itself (its input) or the one before it (its output). */
  fromNodeId: string;
  value: unknown;
  /** The run's input, variables and node outputs as its latest state holds them. */
  scope: SampleScope;
  /** The node's own output in that run, when it succeeded there: what "Pin this output" pins. */
  own?: { output: unknown; handle: string | null };
}

async function scopeOf(runId: string, runInput: unknown): Promise<SampleScope> {
  const live = await readRun(runId);
  if (!live) return { runInput, vars: {}, nodes: {}, run: { id: runId } };
  const { state } = live;
  return {
    runInput: state.data.input,
    vars: variablesObject(state),
    nodes: outputsObject(state),
    run: { id: state.runId, ...(state.startedAt !== undefined ? { startedAt: state.startedAt } : {}) },
  };
}

export async function latestIncomingData(actor: Actor, workflowId: string, nodeId: string, sourceIds: readonly string[]): Promise<IncomingSample | null> {
  const runs = (await listRuns(actor, workflowId)) ?? [];
  for (const summary of runs.slice(0, RUNS_LOOKED_AT)) {
    // getRun checks that the person may see the run; readRun (in scopeOf) then reads its state.
    const run = await getRun(actor, summary.id);
    if (!run) continue;
    const own = [...run.steps].reverse().find((s) => s.nodeId === nodeId && !s.truncated && s.input !== undefined);
    if (own) {
      const sample: IncomingSample = { runId: run.id, fromNodeId: nodeId, value: own.input, scope: await scopeOf(run.id, run.input) };
      if (own.status === "succeeded") sample.own = { output: own.output, handle: own.handle };
      return sample;
    }
    const before = [...run.steps].reverse().find((s) => sourceIds.includes(s.nodeId) && s.status === "succeeded" && !s.truncated);
    if (before) return { runId: run.id, fromNodeId: before.nodeId, value: before.output, scope: await scopeOf(run.id, run.input) };
  }
  return null;
}
