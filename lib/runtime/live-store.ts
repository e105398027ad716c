// The checkpoint chain of a run (models/LiveRun.ts): every persist inserts version v + 1, and
// the unique _id decides, atomically even on the embedded FerretDB, which of two workers
// continuing from version v may write. A worker whose insert is refused has lost the run.
// Versions above the execution's stateVersion are never deleted, so the newest one is found by
// probing _ids upwards from it (reads by _id are what every database answers from its index).
//
// A checkpoint is a readable document, and a lean one: the run's state (user values as JSON
// text, lib/engine/storage.ts), the events not yet in event_logs, the runtime's totals, and only
// the history entries the step added. The history is the one part that grows with every step:
// written whole each time it made a 20-step run write 210 entries instead of 20, and the
// embedded FerretDB converts every field it writes. A reader that needs the whole history
// (a worker taking the run up, the run page) adds the chain's entries to the execution's.
import type { Collection } from "mongodb";
import { Types } from "mongoose";
import { decodeState, encodeState } from "@/lib/engine/storage";
import type { RunState } from "@/lib/engine/state";
import { LiveRun } from "@/models/LiveRun";
import { groupInsert } from "@/lib/db/group-commit";
import { emptyBook, type HistoryEntry, type RunBook } from "./book";
import { plain } from "./codec";
import type { StoredEvent } from "./event-records";
import type { RunMeta } from "./meta";

export type CheckpointKind = "step" | "released" | "finished" | "handback";

export interface LiveCopy {
  state: RunState;
  seq: number;
  /** The chain version the copy was read at (the next write inserts v + 1). */
  v: number;
  /** Events persisted with the state but not yet copied to event_logs. */
  pendingEvents: StoredEvent[];
  book: RunBook;
  meta: RunMeta;
}

/** The book without its history: small, and written whole with every checkpoint. */
export type BookTotals = Omit<RunBook, "history">;

/** The newest checkpoint as read, before its history is assembled. */
export interface CheckpointHead extends Omit<LiveCopy, "book"> {
  kind: CheckpointKind;
  totals: BookTotals;
}

interface CheckpointDoc {
  _id: string;
  runId: string;
  v: number;
  seq: number;
  kind: CheckpointKind;
  owner: string;
  token: number;
  workflowId: Types.ObjectId;
  status: string;
  state: RunState;
  events: StoredEvent[];
  /** History entries added since version v - 1. */
  history: HistoryEntry[];
  totals: BookTotals;
  meta: RunMeta;
  at: Date;
}

export function checkpointId(runId: string, v: number): string {
  return `${runId}:${String(v).padStart(10, "0")}`;
}

const collection = () => LiveRun.collection as unknown as Collection<CheckpointDoc>;

export interface CheckpointWrite {
  runId: string;
  v: number;
  kind: CheckpointKind;
  owner: string;
  token: number;
  copy: Omit<LiveCopy, "v">;
  /** How many of the book's history entries earlier checkpoints (or the execution) hold. */
  historyFrom: number;
}

/** Inserts checkpoint v; false when it exists (another worker continued from v - 1 first). */
export async function insertCheckpoint({ runId, v, kind, owner, token, copy, historyFrom }: CheckpointWrite): Promise<boolean> {
  const { state, book, meta, pendingEvents } = copy;
  const { history, ...totals } = book;
  // Through the driver, in the process's shared batches (lib/db/group-commit.ts): built here with a fixed shape, and this is the per-step write.
  const outcome = await groupInsert(collection(), {
      _id: checkpointId(runId, v),
      runId,
      v,
      seq: copy.seq,
      kind,
      owner,
      token,
      workflowId: new Types.ObjectId(meta.workflowId),
      status: state.status,
      ...plain({ state: encodeState(state), events: pendingEvents, history: history.slice(historyFrom), totals, meta }),
    at: new Date(),
  });
  return outcome === "inserted";
}

function headOf(doc: CheckpointDoc): CheckpointHead {
  return {
    state: decodeState(doc.state),
    seq: doc.seq,
    v: doc.v,
    kind: doc.kind,
    pendingEvents: doc.events ?? [],
    totals: { ...emptyBook(), ...doc.totals },
    meta: doc.meta,
  };
}

/** True when checkpoint v of the run exists (a read by _id). */
export const checkpointExists = async (runId: string, v: number) => (await LiveRun.exists({ _id: checkpointId(runId, v) })) !== null;
const exists = checkpointExists;

/**
 * The run's newest checkpoint above version `from` (the execution's stateVersion), or null when
 * there is none: the execution is the latest state then.
 */
export async function latestCheckpoint(runId: string, from: number): Promise<CheckpointHead | null> {
  return (await readLatest(runId, from, false))?.head ?? null;
}

export interface LatestRead {
  head: CheckpointHead;
  /** The history entries of versions from + 1 … head.v; null when one of them is gone (see chainHistory). */
  added: HistoryEntry[] | null;
}

/**
 * The newest checkpoint above `from` and, with `withAdded`, the history the chain added. Reads
 * version from + 1 whole (on the embedded FerretDB a probe by _id decodes the document as much
 * as a read does), gallops up by _id, then bisects; a chain of one checkpoint (a run that never
 * left its first worker) costs one read and one miss.
 */
export async function readLatest(runId: string, from: number, withAdded = true): Promise<LatestRead | null> {
  const first = await LiveRun.findById(checkpointId(runId, from + 1)).lean<CheckpointDoc>();
  if (!first) return null;
  let low = from + 1; // exists
  let step = 1;
  while (await exists(runId, low + step)) {
    low += step;
    step *= 2;
  }
  let high = low + step; // missing
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await exists(runId, mid)) low = mid;
    else high = mid;
  }
  if (low === from + 1) return { head: headOf(first), added: first.history ?? [] };
  const last = await LiveRun.findById(checkpointId(runId, low)).lean<CheckpointDoc>();
  if (!last) return null;
  if (!withAdded) return { head: headOf(last), added: null };
  const middle = await chainHistory(runId, from + 1, low - 1);
  return { head: headOf(last), added: middle ? [...(first.history ?? []), ...middle, ...(last.history ?? [])] : null };
}

/**
 * The history entries of versions from + 1 … to, in order; null when one of them is gone (its
 * chain was retired meanwhile: read the execution instead). Read by _id, a few at a time: on the
 * embedded FerretDB an _id range would decode every checkpoint of every run.
 */
export async function chainHistory(runId: string, from: number, to: number): Promise<HistoryEntry[] | null> {
  const entries: HistoryEntry[] = [];
  for (let v = from + 1; v <= to; v += CHAIN_READS) {
    const versions = Array.from({ length: Math.min(CHAIN_READS, to - v + 1) }, (_, i) => v + i);
    const docs = await Promise.all(versions.map((at) => LiveRun.findById(checkpointId(runId, at), { history: 1 }).lean<Pick<CheckpointDoc, "history">>()));
    for (const doc of docs) {
      if (!doc) return null;
      entries.push(...(doc.history ?? []));
    }
  }
  return entries;
}

const CHAIN_READS = 16;

/** The head with the whole book: `base` is the history the chain continues (the execution's, or none). */
export function withHistory(head: CheckpointHead, base: readonly HistoryEntry[], added: readonly HistoryEntry[]): LiveCopy {
  const { state, seq, v, pendingEvents, meta, totals } = head;
  return { state, seq, v, pendingEvents, meta, book: { ...totals, history: [...base, ...added] } };
}

/**
 * Deletes the chains of runs that left the workers more than a lease length ago and were not
 * taken up again since (nothing after the version they left at): the execution holds their
 * state. By _id, from the oldest version still there up to the one they left at: a filter on
 * anything else (or an _id range) makes the embedded FerretDB decode every checkpoint of every
 * run, measured at ~3 ms per checkpoint. Versions above `upTo` (a run taken up again) stay.
 */
export async function deleteChains(chains: readonly { runId: string; upTo: number }[]): Promise<number> {
  let deleted = 0;
  for (const { runId, upTo } of chains) {
    if (await checkpointExists(runId, upTo + 1)) continue;
    // Oldest first: a process stopped halfway leaves the newest checkpoints, so the chain's head still says how the run left.
    let low = upTo;
    while (low > 1 && (await checkpointExists(runId, low - 1))) low -= 1;
    for (let v = low; v <= upTo; v++) deleted += (await LiveRun.deleteOne({ _id: checkpointId(runId, v) })).deletedCount;
  }
  return deleted;
}

/** Status, seq and kind of the newest checkpoint of each run matching the filter (lists, sweeps). */
export async function liveHeads(filter: { runId?: string; workflowId?: string }): Promise<Map<string, { v: number; status: string; seq: number; kind: CheckpointKind; at: Date }>> {
  const docs = await LiveRun.find(filter, { runId: 1, v: 1, status: 1, seq: 1, kind: 1, at: 1 }).lean<CheckpointDoc[]>();
  const heads = new Map<string, CheckpointDoc>();
  for (const doc of docs) if ((heads.get(doc.runId)?.v ?? -1) < doc.v) heads.set(doc.runId, doc);
  return new Map([...heads].map(([runId, d]) => [runId, { v: d.v, status: d.status, seq: d.seq, kind: d.kind, at: d.at }]));
}
