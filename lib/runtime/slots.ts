// Per-workflow concurrency (workflow setting `concurrency`, 0 = no limit): a run holds one of
// its workflow's slots while a worker works on it, and gives it back whenever it leaves the
// worker (paused for a timer, a person or a child run, or ended). Runs that find every slot
// taken stay pending in the queue and are tried again. Taking slot n is inserting the document
// `${workflowId}:${n}` (models/RunSlot.ts): atomic, where a counter would not be.
import { RunSlot } from "@/models/RunSlot";
import { wakeOneWaitingForSlot } from "./queue";

/** True when the run holds a slot now (it may have held one already, after a takeover). */
export async function acquireSlot(workflowId: string, runId: string, limit: number): Promise<boolean> {
  if (limit <= 0) return true;
  if (await RunSlot.exists({ runId })) return true;
  for (let n = 0; n < limit; n++) {
    try {
      await RunSlot.create({ _id: `${workflowId}:${n}`, workflowId, runId, at: new Date() });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }
  return false;
}

/** Gives the run's slot back (if it holds one) and lets the run that waited longest go. */
export async function releaseSlot(workflowId: string, runId: string, limit: number): Promise<void> {
  if (limit <= 0) return;
  const released = await RunSlot.deleteMany({ runId });
  if (released.deletedCount > 0) await wakeOneWaitingForSlot(workflowId);
}
