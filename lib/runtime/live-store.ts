// The checkpoint chain of a run (models/LiveRun.ts): every persist inserts version v + 1, and
// the unique _id decides, atomically even on the embedded FerretDB, which of two workers
// continuing from version v may write. A worker whose insert is refused has lost the run.
// Versions above the execution's stateVersion are never deleted, so the newest one is found by
// probing _ids upwards from it: reads by _id are the only ones FerretDB serves without decoding
// the whole collection.
import type { Binary, Collection } from "mongodb";
import { Types } from "mongoose";
import type { RunState } from "@/lib/engine/state";
import { LiveRun } from "@/models/LiveRun";
import type { RunBook } from "./book";
import { pack, unpack } from "./codec";
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
  data: Buffer | Binary;
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
}

/** Inserts checkpoint v; false when it exists (another worker continued from v - 1 first). */
export async function insertCheckpoint({ runId, v, kind, owner, token, copy }: CheckpointWrite): Promise<boolean> {
  const { state, book, meta, pendingEvents } = copy;
  const data = pack({ state, book, meta, pendingEvents });
  try {
    // Through the driver: built here with a fixed shape, and this is the per-step write.
    await collection().insertOne({
      _id: checkpointId(runId, v),
      runId,
      v,
      seq: copy.seq,
      kind,
      owner,
      token,
      workflowId: new Types.ObjectId(meta.workflowId),
      status: state.status,
      data,
      at: new Date(),
    });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return false;
    throw error;
  }
}

function copyOf(doc: CheckpointDoc): LiveCopy & { kind: CheckpointKind } {
  const payload = unpack<Omit<LiveCopy, "seq" | "v">>(doc.data);
  return { ...payload, seq: doc.seq, v: doc.v, kind: doc.kind };
}

/** True when checkpoint v of the run exists (a read by _id). */
export const checkpointExists = async (runId: string, v: number) => (await LiveRun.exists({ _id: checkpointId(runId, v) })) !== null;
const exists = checkpointExists;

/**
 * The run's newest checkpoint above version `from` (the execution's stateVersion), or null when
 * there is none: the execution is the latest state then. Gallops up by _id, then bisects.
 */
export async function latestCheckpoint(runId: string, from: number): Promise<(LiveCopy & { kind: CheckpointKind }) | null> {
  if (!(await exists(runId, from + 1))) return null;
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
  const doc = await LiveRun.findById(checkpointId(runId, low)).lean<CheckpointDoc>();
  return doc ? copyOf(doc) : null;
}

/**
 * Deletes whole chains of runs that left the workers more than a lease length ago and were not
 * taken up again since (nothing after the version they left at): the execution holds their
 * state. One read of the collection for the batch; a run taken up again keeps its chain until
 * it leaves again.
 */
export async function deleteChains(chains: readonly { runId: string; upTo: number }[]): Promise<number> {
  const done: string[] = [];
  for (const { runId, upTo } of chains) if (!(await checkpointExists(runId, upTo + 1))) done.push(runId);
  if (done.length === 0) return 0;
  // Only checkpoints older than a second: one a worker taking a run up again has just written stays.
  return (await LiveRun.deleteMany({ runId: { $in: done }, at: { $lt: new Date(Date.now() - 1_000) } })).deletedCount;
}

/** Status, seq and kind of the newest checkpoint of each run matching the filter (lists, sweeps). */
export async function liveHeads(filter: { runId?: string; workflowId?: string }): Promise<Map<string, { v: number; status: string; seq: number; kind: CheckpointKind; at: Date }>> {
  const docs = await LiveRun.find(filter, { runId: 1, v: 1, status: 1, seq: 1, kind: 1, at: 1 }).lean<CheckpointDoc[]>();
  const heads = new Map<string, CheckpointDoc>();
  for (const doc of docs) if ((heads.get(doc.runId)?.v ?? -1) < doc.v) heads.set(doc.runId, doc);
  return new Map([...heads].map(([runId, d]) => [runId, { v: d.v, status: d.status, seq: d.seq, kind: d.kind, at: d.at }]));
}
