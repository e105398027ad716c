// The inbox reads tasks from memory. On the embedded FerretDB every query other than one by _id
// reads and decodes the whole collection (measured: 10,000 tasks take 0.8–2.5 s to scan, see
// docs/inbox.md), far beyond the inbox's 200 ms budget. So each server process holds the rows of
// all open tasks and of the latest closed ones: loaded by one scan when first needed, changed by
// _id reads whenever this process changes a task (created by its worker, claimed, completed…).
// Changes made by other processes (standalone workers, a second web server) are noticed through
// one small document every process bumps (models/InboxClock.ts), read by _id every 2 s; only then
// is the collection scanned again. A full reload every 5 minutes catches anything missed. The
// database stays the truth for every action.
import "server-only";
import { randomUUID } from "node:crypto";
import { connectDb } from "@/lib/db/connect";
import { HumanTask } from "@/models/HumanTask";
import { InboxClock } from "@/models/InboxClock";
import { isOpen, ROW_FIELDS, rowOf, type RowSource, type TaskRow } from "./rows";

/** Closed tasks kept for "Completed by me". */
const RECENT_CLOSED = 5_000;
const REFRESH_MS = Number(process.env.SWITCHYARD_INBOX_REFRESH_MS ?? 300_000);
const CLOCK_POLL_MS = 2_000;
const CLOCK_ID = "tasks";

interface Index {
  rows: Map<string, TaskRow>;
  /** When this process last changed a row: a reload that began earlier must not undo it. */
  touched: Map<string, number>;
  ready: Promise<void> | null;
  loadedAt: number;
  timer: ReturnType<typeof setInterval> | null;
  clockTimer: ReturnType<typeof setInterval> | null;
  /** The newest clock value this process has acted on. */
  seenClock: number;
  /** This process's name on the clock. */
  self: string;
}

const holder = globalThis as unknown as { __switchyardTaskIndex?: Index };
const index = (holder.__switchyardTaskIndex ??= { rows: new Map(), touched: new Map(), ready: null, loadedAt: 0, timer: null, clockTimer: null, seenClock: 0, self: randomUUID() });

function keepRecentClosed(rows: Map<string, TaskRow>): void {
  const closed = [...rows.values()].filter((r) => !isOpen(r.status));
  if (closed.length <= RECENT_CLOSED) return;
  closed.sort((a, b) => (b.completedAt ?? b.createdAt) - (a.completedAt ?? a.createdAt));
  for (const row of closed.slice(RECENT_CLOSED)) rows.delete(row.id);
}

async function load(): Promise<void> {
  await connectDb();
  const began = Date.now();
  // Changes after this clock value may be missing from the scan; earlier ones are in it.
  const clock = await InboxClock.findById(CLOCK_ID).lean();
  const docs = await HumanTask.find({}, ROW_FIELDS).lean<RowSource[]>();
  const rows = new Map<string, TaskRow>();
  for (const doc of docs) {
    const row = rowOf(doc);
    if (isOpen(row.status) || row.status === "completed") rows.set(row.id, row);
  }
  keepRecentClosed(rows);
  // Rows this process changed while the scan ran are newer than what the scan saw.
  for (const [id, at] of index.touched) {
    if (at < began) continue;
    const mine = index.rows.get(id);
    if (mine) rows.set(id, mine);
    else rows.delete(id);
  }
  index.rows = rows;
  index.touched.clear();
  index.loadedAt = Date.now();
  if (clock) index.seenClock = Math.max(index.seenClock, new Date(clock.changedAt).getTime());
}

function reload(): void {
  load().catch((error) => console.error("[inbox] reloading the task index failed:", error));
}

/** Reloads when another process changed a task since this one last looked. */
export async function checkClock(): Promise<void> {
  const clock = await InboxClock.findById(CLOCK_ID).lean();
  if (!clock) return;
  const at = new Date(clock.changedAt).getTime();
  if (at <= index.seenClock) return;
  index.seenClock = at;
  if (clock.by !== index.self) await load();
}

function startRefreshing(): void {
  if (!index.timer && REFRESH_MS > 0) {
    index.timer = setInterval(reload, REFRESH_MS);
    index.timer.unref?.();
  }
  if (!index.clockTimer) {
    let busy = false;
    index.clockTimer = setInterval(() => {
      if (busy) return;
      busy = true;
      checkClock()
        .catch((error) => console.error("[inbox] checking for task changes failed:", error))
        .finally(() => (busy = false));
    }, CLOCK_POLL_MS);
    index.clockTimer.unref?.();
  }
}

/** Tells the other processes that a task changed. */
async function bumpClock(): Promise<void> {
  const update = { $set: { changedAt: new Date(), by: index.self } };
  try {
    await InboxClock.updateOne({ _id: CLOCK_ID }, update, { upsert: true });
  } catch (error) {
    // Two first bumps racing to create it: the document exists now.
    if ((error as { code?: number }).code !== 11000) throw error;
    await InboxClock.updateOne({ _id: CLOCK_ID }, update);
  }
}

/** All rows the inbox can show; the first call waits for the initial load. */
export async function taskRows(): Promise<Iterable<TaskRow>> {
  if (!index.ready) {
    index.ready = load().catch((error) => {
      index.ready = null;
      throw error;
    });
    startRefreshing();
  }
  await index.ready;
  return index.rows.values();
}

export function cachedRow(taskId: string): TaskRow | undefined {
  return index.rows.get(taskId);
}

/** Re-reads one task by _id (the cheap read) after this process changed it. */
export async function noteTaskChanged(taskId: string): Promise<void> {
  index.touched.set(taskId, Date.now());
  const doc = await HumanTask.findById(taskId, ROW_FIELDS).lean<RowSource>();
  index.touched.set(taskId, Date.now());
  if (!doc || (!isOpen(doc.status) && doc.status !== "completed")) index.rows.delete(taskId);
  else index.rows.set(taskId, rowOf(doc));
  await bumpClock();
}

/** Fire-and-forget form for hooks that must not fail the write they follow. */
export function touchTask(taskId: string): void {
  noteTaskChanged(taskId).catch((error) => console.error("[inbox] refreshing a task row failed:", error));
}

/** For tests and benchmarks: forget everything, the next read loads again. */
export function resetTaskIndex(): void {
  if (index.timer) clearInterval(index.timer);
  if (index.clockTimer) clearInterval(index.clockTimer);
  index.rows = new Map();
  index.touched.clear();
  index.ready = null;
  index.timer = null;
  index.clockTimer = null;
  index.seenClock = 0;
}
