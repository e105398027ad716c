// Runs as readable documents: until now workflow_executions kept the run state and its history
// as deflated JSON buffers and the first events as a JSON string, event_logs kept each event's
// fields as a JSON string, and live_runs kept each checkpoint as one deflated buffer holding the
// whole history. This converts what is left in those shapes: a run's state, history and first
// events move to its execution_details document as fields (models/ExecutionDetail.ts says why
// apart), events keep their fields as fields, checkpoints become readable and lean
// (lib/runtime/live-store.ts, lib/runtime/event-records.ts).
import { inflateRawSync } from "node:zlib";
import type { AnyBulkWriteOperation, Binary, Db, Document } from "mongodb";
import { encodeState } from "@/lib/engine/storage";
import type { RunState } from "@/lib/engine/state";
import type { Migration } from "./index";

const BATCH = 500;

function isPacked(value: unknown): value is Binary | Buffer {
  return Buffer.isBuffer(value) || (typeof value === "object" && value !== null && (value as { _bsontype?: string })._bsontype === "Binary");
}

function unpack<T>(value: Binary | Buffer): T {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from((value as Binary).buffer);
  return JSON.parse(inflateRawSync(bytes).toString("utf8")) as T;
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** An event's fields as event_logs keeps them now: user values as JSON text, the rest as fields. */
function eventData(text: string): Record<string, unknown> {
  const fields = JSON.parse(text || "{}") as Record<string, unknown>;
  const out: Record<string, unknown> = { ...fields };
  for (const key of ["input", "output"]) if (out[key] !== undefined) out[key] = JSON.stringify(out[key]);
  const error = out.error as Record<string, unknown> | undefined;
  if (error && typeof error === "object" && error.details !== undefined) out.error = { ...error, details: JSON.stringify(error.details) };
  return plain(out);
}

function eventsOf(events: unknown): unknown[] {
  const list = typeof events === "string" ? (JSON.parse(events || "[]") as unknown[]) : Array.isArray(events) ? events : [];
  return list.map((e) => {
    const event = e as { data?: unknown };
    return typeof event.data === "string" ? { ...event, data: eventData(event.data) } : event;
  });
}

const storedState = (state: RunState) => plain(encodeState(state));

async function flush(db: Db, name: string, ops: AnyBulkWriteOperation<Document>[]): Promise<number> {
  if (ops.length === 0) return 0;
  const result = await db.collection(name).bulkWrite(ops, { ordered: false });
  const changed = result.modifiedCount;
  ops.length = 0;
  return changed;
}

async function executions(db: Db): Promise<number> {
  let changed = 0;
  const details = db.collection("execution_details");
  // The ids first, then each run by _id: the loop changes the documents the filter matches.
  const ids = (await db.collection("workflow_executions").find({ state: { $exists: true } }, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
  for (const id of ids) {
    const doc = await db.collection("workflow_executions").findOne({ _id: id }, { projection: { state: 1, executionHistory: 1, pendingEvents: 1, stateVersion: 1, seq: 1 } });
    if (!doc || doc.state === undefined) continue;
    const state = isPacked(doc.state) ? storedState(unpack<RunState>(doc.state)) : doc.state;
    const executionHistory = isPacked(doc.executionHistory) ? unpack<unknown[]>(doc.executionHistory) : Array.isArray(doc.executionHistory) ? doc.executionHistory : [];
    const detail = { state, executionHistory: plain(executionHistory), pendingEvents: eventsOf(doc.pendingEvents), stateVersion: doc.stateVersion ?? 0, seq: doc.seq ?? 0, createdAt: new Date(), updatedAt: new Date() };
    // Details first: a crash between the two writes leaves the execution to convert again, never a run without its state.
    await details.replaceOne({ _id: doc._id }, detail, { upsert: true });
    await db.collection("workflow_executions").updateOne({ _id: doc._id }, { $unset: { state: "", executionHistory: "", pendingEvents: "" } });
    changed += 1;
  }
  return changed;
}

async function events(db: Db): Promise<number> {
  let changed = 0;
  const ops: AnyBulkWriteOperation<Document>[] = [];
  for await (const doc of db.collection("event_logs").find({}, { projection: { data: 1 } })) {
    if (typeof doc.data !== "string") continue;
    ops.push({ updateOne: { filter: { _id: doc._id }, update: { $set: { data: eventData(doc.data) } } } });
    if (ops.length >= BATCH) changed += await flush(db, "event_logs", ops);
  }
  return changed + (await flush(db, "event_logs", ops));
}

interface OldCheckpoint {
  state: RunState;
  book: { history?: unknown[] } & Record<string, unknown>;
  meta: unknown;
  pendingEvents: unknown[];
}

/**
 * Old checkpoints each held the whole history; new ones hold what the step added. History only
 * grows, so a checkpoint's entries are its history past the previous checkpoint's (or past the
 * execution's, for the first checkpoint after the run last left a worker).
 */
async function checkpoints(db: Db): Promise<number> {
  const live = db.collection("live_runs");
  const old = await live.find({ data: { $exists: true } }, { projection: { runId: 1, v: 1, data: 1 } }).toArray();
  const byRun = new Map<string, Document[]>();
  for (const doc of old) if (isPacked(doc.data)) byRun.set(doc.runId as string, [...(byRun.get(doc.runId as string) ?? []), doc]);
  let changed = 0;
  for (const [runId, docs] of byRun) {
    docs.sort((a, b) => (a.v as number) - (b.v as number));
    const execution = await db.collection("execution_details").findOne({ _id: runId as never }, { projection: { executionHistory: 1 } });
    const executionHistory = Array.isArray(execution?.executionHistory) ? execution.executionHistory : [];
    let previous: { v: number; length: number } | null = null;
    for (const doc of docs) {
      const { state, book, meta, pendingEvents } = unpack<OldCheckpoint>(doc.data as Binary);
      const history = book.history ?? [];
      const v = doc.v as number;
      const from = v === 1 ? 0 : previous && previous.v === v - 1 ? previous.length : Math.min(executionHistory.length, history.length);
      const totals = { ...book };
      delete totals.history;
      await live.updateOne(
        { _id: doc._id },
        { $set: { state: storedState(state), events: eventsOf(pendingEvents), history: plain(history.slice(from)), totals: plain(totals), meta: plain(meta) }, $unset: { data: "" } },
      );
      changed += 1;
      previous = { v: doc.v as number, length: history.length };
    }
  }
  return changed;
}

export const runFields: Migration = {
  id: "002-run-fields",
  title: "runs, checkpoints and events as readable fields",
  async run(db) {
    // Executions first: a checkpoint's history continues its execution's.
    return (await executions(db)) + (await checkpoints(db)) + (await events(db));
  },
};
