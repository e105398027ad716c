// Cheap waits: a run whose timer is more than `parkAheadMs` away leaves run_queue for run_timers
// (models/RunTimer.ts), and costs nothing while it sleeps. Every few seconds one process (claimed
// by insert, lib/db/claim.ts) moves the timers due within `parkAheadMs` back into run_queue with
// their exact wake time, so a parked run wakes when it would have without parking. A message
// (approval, cancel) wakes a parked run at once through the queue as before (queue.ts wakeRun);
// if it still has its timer to wait for, it is simply parked again.
import { claimOnce } from "@/lib/db/claim";
import { Claim } from "@/models/Claim";
import { RunQueue } from "@/models/RunQueue";
import { RunTimer } from "@/models/RunTimer";
import { addToQueue } from "./queue";

/** True when a run waking at `wakeAt` should sleep in run_timers rather than in run_queue. */
export function shouldPark(wakeAt: number, parkAheadMs: number, now = Date.now()): boolean {
  return wakeAt - now > parkAheadMs;
}

/** Puts the run to sleep until wakeAt: the timer is written before the queue entry goes, so a crash between leaves both (harmless), never neither. */
export async function parkRun(runId: string, workflowId: string, concurrency: number, wakeAt: Date): Promise<void> {
  await RunTimer.updateOne({ _id: runId }, { $set: { workflowId, concurrency, wakeAt } }, { upsert: true });
  await RunQueue.deleteOne({ _id: runId });
}

/**
 * Moves every timer due within `parkAheadMs` into run_queue (an entry that exists already is
 * left as it is) and deletes it. One pass over run_timers: callers run it from one process at a
 * time (unparkTick).
 */
export async function unparkDue(parkAheadMs: number, now = new Date()): Promise<number> {
  const due = await RunTimer.find({ wakeAt: { $lte: new Date(now.getTime() + parkAheadMs) } }).lean();
  for (const timer of due) {
    await addToQueue(timer._id, String(timer.workflowId), timer.concurrency ?? 0, timer.wakeAt);
    // Only the timer just moved: a run parked again meanwhile with a later wake time keeps its own.
    await RunTimer.deleteOne({ _id: timer._id, wakeAt: timer.wakeAt });
  }
  return due.length;
}

/** One process per interval does the pass; the claim of two intervals ago is dropped so claims stay few. */
export async function unparkTick(parkAheadMs: number, intervalMs: number, now = new Date()): Promise<number | null> {
  const slot = Math.floor(now.getTime() / intervalMs);
  if (!(await claimOnce(`unpark:${slot}`, intervalMs * 4))) return null;
  try {
    return await unparkDue(parkAheadMs, now);
  } finally {
    await Claim.deleteOne({ _id: `unpark:${slot - 2}` }).catch(() => {});
  }
}
