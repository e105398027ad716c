import "server-only";
// Pruning one finished run: its events go, and its execution keeps only the shape of what
// happened. Events are deleted one _id at a time: on the embedded FerretDB a delete whose
// filter is anything but one exact _id (`_id: {$in: [...]}`, `runId: X`) reads and decodes
// the whole event_logs collection (measured: 15 s for 5,000 ids), while one exact _id uses the
// index (a few ms). Events first, then the execution: a pass stopped in between finds the run
// unmarked and simply deletes again (deleting a missing _id costs one index probe).
import { isTerminal, type RunState, type RunStatus } from "@/lib/engine/state";
import { withoutValues } from "@/lib/engine/storage";
import type { HistoryEntry } from "@/lib/runtime/book";
import { eventId } from "@/lib/runtime/ids";
import { EventLog } from "@/models/EventLog";
import { ExecutionDetail } from "@/models/ExecutionDetail";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import type { Candidate } from "./select";

export type PruneOutcome = "pruned" | "already" | "not-finished" | "missing";

/** What a history entry keeps: which step, which attempt, how it went and when; not its data. */
export function strippedEntry(entry: HistoryEntry): HistoryEntry {
  const { nodeId, stepId, attempt, status, startedAt, endedAt, durationMs, handle, error } = entry;
  return {
    nodeId,
    stepId,
    attempt,
    status,
    ...(startedAt !== undefined ? { startedAt } : {}),
    endedAt,
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(handle !== undefined ? { handle } : {}),
    ...(error ? { error: { message: error.message, ...(error.code ? { code: error.code } : {}) } } : {}),
  };
}

type PruneDoc = { _id: string; status: string; seq?: number | null; pruned?: unknown };
type PruneDetail = { state: unknown; executionHistory?: unknown[] };

export async function pruneRun(candidate: Pick<Candidate, "runId" | "reason" | "limit">, now: Date = new Date()): Promise<PruneOutcome> {
  const doc = await WorkflowExecution.findById(candidate.runId, { status: 1, seq: 1, pruned: 1 }).lean<PruneDoc>();
  if (!doc) return "missing";
  if (doc.pruned) return "already";
  // execution_histories says the run ended, but a failed run may have been retried since.
  if (!isTerminal(doc.status as RunStatus)) return "not-finished";
  for (let seq = 1; seq <= (doc.seq ?? 0); seq++) await EventLog.deleteOne({ _id: eventId(doc._id, seq) });
  // By _id alone: any other field in a filter makes the embedded FerretDB scan the collection.
  // A retry of this very run starting in the instant between the read above and these writes
  // is not guarded against (a retry of a run past its retention limit is rare).
  const detail = await ExecutionDetail.findById(doc._id, { state: 1, executionHistory: 1 }).lean<PruneDetail>();
  if (detail) {
    await ExecutionDetail.updateOne(
      { _id: doc._id },
      { $set: { state: withoutValues(detail.state as RunState), executionHistory: ((detail.executionHistory ?? []) as HistoryEntry[]).map(strippedEntry), pendingEvents: [] } },
    );
  }
  // The mark last: a pass stopped before it prunes the run again.
  await WorkflowExecution.updateOne({ _id: doc._id }, { $set: { input: null, output: null, pruned: { at: now, reason: candidate.reason, limit: candidate.limit } } });
  return "pruned";
}
