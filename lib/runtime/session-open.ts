// From a claimed queue entry to a session: take the concurrency slot, read the run's latest
// checkpoint (or its execution when no worker has it), load the graph and the pending messages.
import { bookOf, historyOf, loadFullExecution, metaOf, pendingEventsOf, stateOf } from "./execution-store";
import { GraphMissing, loadRunGraph } from "./graphs";
import { readLatest, withHistory, type LiveCopy } from "./live-store";
import { pendingMessages, type PendingMessage } from "./messages";
import { deferForSlot, dropRun, type QueueEntry } from "./queue";
import { RunSession, type SessionDeps } from "./session";
import { acquireSlot } from "./slots";

/**
 * The run's latest state. A chain that still starts at version 1 (a run that never left the
 * workers: every new run's first checkpoint is written when it is created) is read without
 * touching the execution, whose collection is the expensive one to read.
 */
async function latestCopy(entry: QueueEntry): Promise<LiveCopy | null> {
  const fresh = await readLatest(entry._id, 0);
  // The whole chain from version 1 holds the whole history; if part of it was retired meanwhile, the execution has it.
  if (fresh?.added) return withHistory(fresh.head, [], fresh.added);
  const doc = await loadFullExecution(entry._id);
  if (!doc) return null;
  const from = doc.stateVersion ?? 0;
  const live = await readLatest(entry._id, from);
  if (live) {
    // Versions above the execution's are never retired while the run is live (live-store.ts).
    if (!live.added) throw new Error(`Run ${entry._id}: checkpoints ${from + 1}…${live.head.v} are incomplete`);
    return withHistory(live.head, historyOf(doc), live.added);
  }
  return {
    state: stateOf(doc),
    seq: doc.seq ?? 0,
    v: from,
    pendingEvents: pendingEventsOf(doc),
    book: bookOf(doc),
    meta: { ...metaOf(doc), concurrency: entry.concurrency ?? 0 },
  };
}

/** The session for a claimed run, or null when there is nothing to work on (no slot free, run gone). */
export async function openSession(entry: QueueEntry, deps: SessionDeps): Promise<RunSession | null> {
  const runId = entry._id;
  const messages: PendingMessage[] = await pendingMessages(runId);
  const cancelling = messages.some((m) => m.body?.kind === "cancel");
  // A cancel needs no slot: it only ends the run.
  if (entry.concurrency > 0 && !cancelling && !(await acquireSlot(String(entry.workflowId), runId, entry.concurrency))) {
    await deferForSlot(runId, new Date(Date.now() + deps.config.slotRetryMs));
    return null;
  }
  const copy = await latestCopy(entry);
  if (!copy) {
    await dropRun(runId); // an entry whose run was deleted
    return null;
  }
  let graph;
  try {
    graph = await loadRunGraph(copy.meta.graphId);
  } catch (error) {
    if (!(error instanceof GraphMissing)) throw error;
    // The workflow was deleted under the run: nothing can run any more, so the run is cancelled.
    graph = { nodes: [], edges: [] };
    messages.push({ id: `${runId}:graph-gone`, body: { kind: "cancel", reason: (error as Error).message, by: null, at: Date.now() } });
  }
  return new RunSession({ entry, graph, messages, ...copy, neverParked: copy.v === 1 }, deps);
}
