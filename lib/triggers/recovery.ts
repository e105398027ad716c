import "server-only";
// Finishes firings whose run was not started: the process that accepted a webhook delivery (or
// claimed a fire time) died between storing it and starting its run. Such firings sit in the
// small trigger_pending collection; starting one again is safe because its run id is fixed
// (lib/triggers/ids.ts), so a firing whose first start is merely slow still gets one run.
import { TriggerFire } from "@/models/TriggerFire";
import { TriggerPending } from "@/models/TriggerPending";
import { WebhookDelivery } from "@/models/WebhookDelivery";
import { startFiring } from "./fire";
import { scheduleInput } from "./schedule-input";

/** Pending firings older than this are taken over; a live process starts its own well before. */
export const RECOVER_AFTER_MS = 3_000;

export async function recoverPending(olderThanMs = RECOVER_AFTER_MS, limit = 100): Promise<number> {
  const stale = await TriggerPending.find({ at: { $lt: new Date(Date.now() - olderThanMs) } })
    .limit(limit)
    .lean();
  let started = 0;
  for (const pending of stale) {
    if (pending.kind === "schedule") {
      const fire = await TriggerFire.findById(pending._id).lean();
      if (!fire) {
        await TriggerPending.deleteOne({ _id: pending._id });
        continue;
      }
      const result = await startFiring({ id: fire._id, kind: "schedule", triggerId: fire.triggerId, runId: fire.runId, at: fire.fireTime, input: scheduleInput(fire.fireTime, fire.catchUp) });
      if (result.ok) started++;
    } else {
      const delivery = await WebhookDelivery.findById(pending._id).lean();
      if (!delivery) {
        await TriggerPending.deleteOne({ _id: pending._id });
        continue;
      }
      const result = await startFiring({
        id: delivery._id,
        kind: "webhook",
        triggerId: delivery.triggerId,
        runId: delivery.runId,
        at: delivery.receivedAt,
        input: JSON.parse(delivery.input) as Record<string, unknown>,
        request: { ipAddress: delivery.ipAddress, userAgent: delivery.userAgent },
      });
      if (result.ok) started++;
    }
  }
  return started;
}
