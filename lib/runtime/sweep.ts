// Background repairs and cleanup, run rarely (every minute by default): re-queue runs a crash
// left without a queue entry (pending, or waiting for a timer and not parked, parking.ts), free concurrency slots held by
// runs no worker holds, and delete the checkpoint chains a dying worker did not get to retire
// (lib/runtime/cleanup.ts does it for live ones).
import { RunQueue } from "@/models/RunQueue";
import { RunTimer } from "@/models/RunTimer";
import { RunSlot } from "@/models/RunSlot";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { deleteChains, liveHeads } from "./live-store";
import { addToQueue } from "./queue";

export interface SweepReport {
  requeued: string[];
  freedSlots: number;
  deletedCheckpoints: number;
}

export async function sweep(options: { now?: Date; leaseMs?: number } = {}): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const leaseMs = options.leaseMs ?? 30_000;
  const queued = new Map((await RunQueue.find({}, { _id: 1, lease: 1 }).lean()).map((e) => [String(e._id), e]));
  const parked = new Set((await RunTimer.find({}, { _id: 1 }).lean()).map((t) => String(t._id)));

  const stranded = await WorkflowExecution.find(
    { $or: [{ status: "pending" }, { status: { $in: ["paused", "running"] }, wakeAt: { $ne: null } }] },
    { _id: 1, workflowId: 1, concurrency: 1, wakeAt: 1, status: 1 },
  ).lean();
  const requeued: string[] = [];
  for (const run of stranded) {
    const id = String(run._id);
    if (queued.has(id) || parked.has(id)) continue;
    await addToQueue(id, String(run.workflowId), run.concurrency ?? 0, run.status === "pending" ? now : (run.wakeAt ?? now));
    requeued.push(id);
  }

  const leased = (runId: string) => {
    const lease = queued.get(runId)?.lease;
    return Boolean(lease && new Date(lease.until).getTime() >= now.getTime());
  };
  const staleSlots = (await RunSlot.find({}, { runId: 1 }).lean()).filter((slot) => !leased(slot.runId));
  for (const slot of staleSlots) await RunSlot.deleteOne({ _id: slot._id, runId: slot.runId });

  // Chains of runs that left the workers more than two leases ago and whose execution holds the
  // state of their newest checkpoint (a worker that died between the two is caught by the claim
  // that follows its lease, not here).
  const cutoff = now.getTime() - 2 * leaseMs;
  const retired: { runId: string; upTo: number }[] = [];
  for (const [runId, head] of await liveHeads({})) {
    if ((head.kind !== "released" && head.kind !== "finished") || head.at.getTime() >= cutoff || leased(runId)) continue;
    const exec = await WorkflowExecution.findById(runId, { stateVersion: 1 }).lean();
    if (!exec || (exec.stateVersion ?? 0) >= head.v) retired.push({ runId, upTo: head.v });
  }
  const deletedCheckpoints = await deleteChains(retired);
  return { requeued, freedSlots: staleSlots.length, deletedCheckpoints };
}
