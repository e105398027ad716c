import "server-only";
// Finishes firings whose run was not started: the process that accepted a webhook delivery (or
// claimed a fire time) died between storing it and starting its run, or a worker process died
// while starting a batch of handed-off deliveries (its pickup claims are released). Such firings sit in the
// small trigger_pending collection; starting one again is safe because its run id is fixed
// (lib/triggers/ids.ts), so a firing whose first start is merely slow still gets one run.
import { Claim } from "@/models/Claim";
import { TriggerFire } from "@/models/TriggerFire";
import { TriggerPending } from "@/models/TriggerPending";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { startFiring } from "./fire";
import { acceptedOf, startDeliveries, type AcceptedDelivery } from "./webhook/deliveries";
import { PICKUP_CLAIM } from "./webhook/pickup";
import { scheduleInput } from "./schedule-input";

/** Pending firings older than this are taken over; a live process starts its own well before. */
export const RECOVER_AFTER_MS = 3_000;
/** A pickup claim held this long belongs to a worker process that died mid-batch. */
export const DEAD_PICKUP_MS = 30_000;
/** A marker whose fire or delivery is missing this long belongs to a process that died before storing it. */
export const ORPHAN_AFTER_MS = 60_000;

/** Drops a marker whose record never came, or whose run exists (a marker re-inserted by a losing racer). */
async function settled(pending: { _id: string; at: Date }, record: { runId: string } | null): Promise<boolean> {
  const orphan = !record && Date.now() - new Date(pending.at).getTime() > ORPHAN_AFTER_MS;
  const done = record ? await WorkflowExecution.exists({ _id: record.runId }) : null;
  if (orphan || done) await TriggerPending.deleteOne({ _id: pending._id });
  return orphan || Boolean(done) || !record;
}

/**
 * Drops pickup claims held longer than a live batch takes (lib/triggers/webhook/pickup.ts): their
 * process died mid-batch, and the next pickup takes their deliveries again.
 */
async function releaseDeadPickups(): Promise<void> {
  await Claim.deleteMany({ _id: { $regex: PICKUP_CLAIM }, at: { $lt: new Date(Date.now() - DEAD_PICKUP_MS) } });
}

export async function recoverPending(olderThanMs = RECOVER_AFTER_MS, limit = 100): Promise<number> {
  await releaseDeadPickups();
  // Handed-off deliveries are any worker process's to start (pickup.ts), however old.
  const stale = await TriggerPending.find({ at: { $lt: new Date(Date.now() - olderThanMs) }, handedOff: { $ne: true } })
    .limit(limit)
    .lean();
  let started = 0;
  const deliveries: AcceptedDelivery[] = [];
  for (const pending of stale) {
    if (pending.kind === "schedule") {
      const fire = await TriggerFire.findById(pending._id).lean();
      if ((await settled(pending, fire)) || !fire) continue;
      const result = await startFiring({ id: fire._id, kind: "schedule", triggerId: fire.triggerId, runId: fire.runId, at: fire.fireTime, input: scheduleInput(fire.fireTime, fire.catchUp) });
      if (result.ok) started++;
    } else {
      const accepted = await acceptedOf(pending);
      if ((await settled(pending, accepted?.delivery ?? null)) || !accepted) continue;
      deliveries.push(accepted);
    }
  }
  if (deliveries.length > 0) {
    const results = await startDeliveries(deliveries);
    results.forEach((result, i) => {
      if (result.status === "fulfilled") started += result.value.ok ? 1 : 0;
      else console.error(`[triggers] recovering delivery ${deliveries[i].id} failed; the next pass tries again`, result.reason);
    });
  }
  return started;
}
