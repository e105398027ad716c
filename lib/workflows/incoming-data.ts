import "server-only";
// The data that flowed into a node in the workflow's latest runs, for the designer's condition
// help: the node's own recorded input when it ran, else the output of a step just before it.
// Reads through the run queries, so the run visibility rule applies (an unseen run is skipped).
import type { Actor } from "@/lib/auth/roles";
import { getRun, listRuns } from "@/lib/runtime/queries";

/** How many of the newest runs are looked through: enough to skip a run that stopped early. */
const RUNS_LOOKED_AT = 5;

export interface IncomingSample {
  runId: string;
  /** The step whose data this is: the node itself (its input) or the one before it (its output). */
  fromNodeId: string;
  value: unknown;
}

export async function latestIncomingData(actor: Actor, workflowId: string, nodeId: string, sourceIds: readonly string[]): Promise<IncomingSample | null> {
  const runs = (await listRuns(actor, workflowId)) ?? [];
  for (const summary of runs.slice(0, RUNS_LOOKED_AT)) {
    const run = await getRun(actor, summary.id);
    if (!run) continue;
    const own = [...run.steps].reverse().find((s) => s.nodeId === nodeId && !s.truncated && s.input !== undefined);
    if (own) return { runId: run.id, fromNodeId: nodeId, value: own.input };
    const before = [...run.steps].reverse().find((s) => sourceIds.includes(s.nodeId) && s.status === "succeeded" && !s.truncated);
    if (before) return { runId: run.id, fromNodeId: before.nodeId, value: before.output };
  }
  return null;
}
