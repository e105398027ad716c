// Operations on run_queue (models/RunQueue.ts). The lease keeps workers from doing the same
// work twice; on the embedded FerretDB its conditional updates are best effort (see the model),
// and the checkpoint chain is what stops a second worker from writing.
import { RunQueue } from "@/models/RunQueue";
import { RunTimer } from "@/models/RunTimer";
import { groupInsert, modelDocument } from "@/lib/db/group-commit";

export interface QueueEntry {
  _id: string;
  workflowId: unknown;
  runnableAt: Date;
  lease: { owner?: string | null; token: number; until: Date };
  concurrency: number;
  waitingForSlot: boolean;
}

const EPOCH = new Date(0);

function normalize(entry: QueueEntry | null): QueueEntry | null {
  if (!entry) return null;
  return { ...entry, lease: { ...entry.lease, token: entry.lease?.token ?? 0 }, concurrency: entry.concurrency ?? 0, waitingForSlot: Boolean(entry.waitingForSlot) };
}

const fresh = (workflowId: string, concurrency: number) => ({ workflowId, concurrency, lease: { owner: null, token: 0, until: EPOCH }, waitingForSlot: false });

/**
 * An upsert by _id. Two at once may both try the insert and one then fails with a duplicate
 * key; the entry exists by then, so that one is simply applied again as an update.
 */
async function upsertEntry(runId: string, update: Parameters<typeof RunQueue.updateOne>[1]): Promise<void> {
  try {
    await RunQueue.updateOne({ _id: runId }, update, { upsert: true });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    await RunQueue.updateOne({ _id: runId }, update);
  }
}

/** Makes the run claimable from `runnableAt` on, creating its entry if it has none. */
export async function addToQueue(runId: string, workflowId: string, concurrency: number, runnableAt = new Date()): Promise<void> {
  // An entry that exists already stays as it is (what an upsert with only $setOnInsert would do).
  await groupInsert(RunQueue.collection, await modelDocument(RunQueue, { _id: runId, ...fresh(workflowId, concurrency), runnableAt }));
}

/** Makes the run claimable now (a message arrived): sets runnableAt, creating the entry if needed. */
export async function wakeRun(runId: string, workflowId: string, concurrency: number): Promise<void> {
  await upsertEntry(runId, { $set: { runnableAt: new Date() }, $setOnInsert: fresh(workflowId, concurrency) });
}

/** Runs that are runnable now and not leased, longest waiting first: one read of the queue. */
export async function claimCandidates(limit: number): Promise<string[]> {
  const now = new Date();
  const docs = await RunQueue.find({ runnableAt: { $lte: now }, "lease.until": { $lt: now } }, { _id: 1 }).sort({ runnableAt: 1 }).limit(limit).lean();
  return docs.map((d) => String(d._id));
}

/**
 * Claims the run if it is runnable and its lease is free. One write filtered by _id alone (the
 * only filter the embedded FerretDB serves without reading the whole collection, and its
 * conditional writes are not atomic anyway); the document as it was before says whether the
 * claim was fair, and an unfair one is put back.
 */
export async function claimRun(runId: string, owner: string, leaseMs: number): Promise<QueueEntry | null> {
  const now = Date.now();
  const until = new Date(now + leaseMs);
  // Look first (by _id: cheap), so a stale candidate never touches a lease another worker holds.
  const current = await RunQueue.findById(runId, { lease: 1, runnableAt: 1 }).lean<Pick<QueueEntry, "lease" | "runnableAt">>();
  if (!current || new Date(current.lease.until).getTime() >= now || new Date(current.runnableAt).getTime() > now) return null;
  const before = normalize(
    await RunQueue.findOneAndUpdate({ _id: runId }, { $set: { "lease.owner": owner, "lease.until": until }, $inc: { "lease.token": 1 } }, { returnDocument: "before" }).lean<QueueEntry>(),
  );
  if (!before) return null;
  if (new Date(before.lease.until).getTime() >= now || new Date(before.runnableAt).getTime() > now) {
    await RunQueue.updateOne({ _id: runId }, { $set: { lease: before.lease } });
    return null;
  }
  return { ...before, lease: { owner, token: before.lease.token + 1, until } };
}

/**
 * Extends the lease. Returns "ours" when the entry still names this claim, else "other" (after
 * putting back what was there): on the embedded FerretDB two claimers can both pass a claim,
 * and the caller decides from the checkpoint chain which of them really holds the run.
 */
export async function renewLease(runId: string, owner: string, token: number, until: Date): Promise<"ours" | "other" | "gone"> {
  const before = normalize(await RunQueue.findOneAndUpdate({ _id: runId }, { $set: { "lease.until": until } }, { returnDocument: "before" }).lean<QueueEntry>());
  if (!before) return "gone";
  if (before.lease.owner === owner && before.lease.token === token) return "ours";
  await RunQueue.updateOne({ _id: runId }, { $set: { "lease.until": before.lease.until } });
  return "other";
}

/** Writes this claim into the entry again: its holder won the run's checkpoint chain. */
export async function reassertLease(runId: string, owner: string, token: number, until: Date): Promise<void> {
  await RunQueue.updateOne({ _id: runId }, { $set: { "lease.owner": owner, "lease.token": token, "lease.until": until } });
}

export async function readEntry(runId: string): Promise<QueueEntry | null> {
  return normalize(await RunQueue.findById(runId).lean<QueueEntry>());
}

// The holder's own writes go by _id alone (see claimRun): it has just won the run's checkpoint
// chain, so the entry is its to change even if a late claimer wrote to it meanwhile.

/** Gives the run up: back to the queue until runnableAt (a timer, a retry), or out of it (null: it waits for a person or a child run). */
export async function releaseRun(runId: string, runnableAt: Date | null): Promise<void> {
  if (runnableAt === null) await RunQueue.deleteOne({ _id: runId });
  else await RunQueue.updateOne({ _id: runId }, { $set: { runnableAt, "lease.until": EPOCH, "lease.owner": null, waitingForSlot: false } });
}

/** Removes the entry of a run that has ended, and the timer it may have been parked with (parking.ts). */
/** Takes the run out of the queue, and out of run_timers unless it was never parked there. */
export async function dropRun(runId: string, options: { neverParked?: boolean } = {}): Promise<void> {
  await Promise.all([RunQueue.deleteOne({ _id: runId }), options.neverParked ? null : RunTimer.deleteOne({ _id: runId })]);
}

/** Hands a claimed run back so another worker can take it from runnableAt (a worker stopping, or one that hit an error). */
export async function handBack(runId: string, runnableAt = new Date()): Promise<void> {
  await RunQueue.updateOne({ _id: runId }, { $set: { "lease.until": EPOCH, "lease.owner": null, runnableAt } });
}

/** Every slot of the workflow is taken: try the run again later. */
export async function deferForSlot(runId: string, until: Date): Promise<void> {
  await RunQueue.updateOne({ _id: runId }, { $set: { runnableAt: until, waitingForSlot: true, "lease.until": EPOCH, "lease.owner": null } });
}

/** A slot of the workflow was freed: the run that has waited longest for one may go now. */
export async function wakeOneWaitingForSlot(workflowId: string): Promise<void> {
  await RunQueue.findOneAndUpdate({ workflowId, waitingForSlot: true }, { $set: { runnableAt: new Date() } }, { sort: { runnableAt: 1 } });
}
