// The execution_histories record of a run that ended: per-node metrics, AI usage, human
// interactions. Built from the state and the runtime's book; written once (its _id is the
// run's id, so a second write after a crash is a duplicate-key error, ignored). A failed run
// that was retried ends again: its record is then replaced by the new outcome.
import type { RunVersion } from "@/lib/engine/interpreter";
import type { RunState } from "@/lib/engine/state";
import { recordRunEnd } from "@/lib/rollups/fold";
import { toNanos } from "@/lib/rollups/stats";
import { noteRunEnded } from "./run-index";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { groupInsert, modelDocument } from "@/lib/db/group-commit";
import type { RunBook } from "./book";
import type { RunMeta } from "./meta";
import { runClock } from "./clock";

export interface NodeMetric {
  nodeId: string;
  type: string;
  runs: number;
  durationMs: number;
  status: string;
}

export function nodeMetrics(state: RunState, graph: RunVersion, book: RunBook): NodeMetric[] {
  const types = new Map(graph.nodes.map((n) => [n.id, n.type]));
  const durations = new Map<string, number>();
  for (const h of book.history) durations.set(h.nodeId, (durations.get(h.nodeId) ?? 0) + (h.durationMs ?? 0));
  return state.nodes.map((r) => ({ nodeId: r.nodeId, type: types.get(r.nodeId) ?? "", runs: r.runs, durationMs: durations.get(r.nodeId) ?? 0, status: r.status }));
}

/** A human step's time limit (its "Due in"), so roll-ups can count SLA breaches from the record alone. */
function slaMsOf(graph: RunVersion, nodeId: string): number | null {
  const minutes = (graph.nodes.find((n) => n.id === nodeId)?.data.config as { dueInMinutes?: unknown } | undefined)?.dueInMinutes;
  return typeof minutes === "number" && minutes > 0 ? minutes * 60_000 : null;
}

export async function writeHistoryRecord(runId: string, meta: RunMeta, state: RunState, graph: RunVersion, book: RunBook): Promise<void> {
  const endedAt = state.endedAt ?? runClock.now();
  const startedAt = state.startedAt ?? state.createdAt;
  const record = {
    _id: runId,
    workflowId: meta.workflowId,
    version: meta.version,
    status: state.status,
    startedAt: new Date(startedAt),
    endedAt: new Date(endedAt),
    duration: endedAt - startedAt,
    nodeMetrics: nodeMetrics(state, graph, book),
    aiUsage: book.aiUsage,
    nodeAiUsage: book.nodeAiUsage ?? [],
    humanInteractions: book.humanInteractions.map((h) => ({ ...h, at: new Date(h.at), slaMs: slaMsOf(graph, h.nodeId) })),
    trigger: { type: meta.trigger.type, by: meta.trigger.by },
    error: state.error ? { message: state.error.message, code: state.error.code ?? null, nodeId: state.error.nodeId ?? null } : null,
  };
  if (state.retries) {
    await ExecutionHistory.replaceOne({ _id: runId }, record, { upsert: true });
  } else {
    // Written once: a duplicate is the record of a worker that stopped after writing it.
    await groupInsert(ExecutionHistory.collection, await modelDocument(ExecutionHistory, record));
  }
  await noteRunEnded({
    runId,
    workflowId: meta.workflowId,
    status: record.status,
    trigger: record.trigger.type ?? null,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    durationMs: record.duration,
    costNanos: record.aiUsage.reduce((sum, u) => sum + toNanos(u.cost), 0),
    aiCalls: record.aiUsage.reduce((sum, u) => sum + (u.calls ?? 0), 0),
    approvals: record.humanInteractions.length,
    error: record.error?.message ?? null,
    errorNodeId: record.error?.nodeId ?? null,
  });
  // The dashboard's roll-ups, from the same record: counted once per run, at its first end (a
  // run retried after failing keeps the figures of that first end until rollups:rebuild).
  await recordRunEnd(record);
}
