import "server-only";
// Starting the runs of accepted deliveries. A delivery is accepted by one insert, its
// trigger_pending marker carrying the delivery (handle.ts; a large input is stored in
// webhook_deliveries before the 202 instead); whoever starts its run — the starter behind the 202,
// "wait" mode, a worker's pickup, or the recovery pass after a crash — first copies it to
// webhook_deliveries (the lasting record), then checks the trigger, the workflow and the owner
// afresh (the request's check used a read up to a second old: hook-state.ts), then starts the
// runs together (startFirings), which drops the markers. Each step may be repeated after a
// crash: the record's _id and the run's id are fixed by the delivery.
import { groupInsert, modelDocument } from "@/lib/db/group-commit";
import { TriggerPending, type PendingDelivery, type PendingDoc } from "@/models/TriggerPending";
import { WebhookDelivery } from "@/models/WebhookDelivery";
import { checkFiring, startFirings, type Firing, type FiringResult, type OwnerCheck } from "../fire";

export interface AcceptedDelivery {
  /** The delivery's _id (its marker's and its record's). */
  id: string;
  receivedAt: Date;
  delivery: PendingDelivery;
  /** The run input, when the caller has it parsed (the request); else read from delivery.input. */
  input?: Record<string, unknown>;
}

/**
 * Inputs up to this many characters of JSON ride in the marker (one insert before the 202); a
 * larger one is stored in webhook_deliveries before the 202 (a second insert), because every look
 * for pending work (pickup.ts, recovery.ts, the panel's count) reads trigger_pending whole on the
 * embedded FerretDB.
 */
export const CARRY_LIMIT = 16 * 1024;

export function carriesDelivery(accepted: AcceptedDelivery): boolean {
  return accepted.delivery.input.length <= CARRY_LIMIT;
}

/**
 * The delivery's trigger_pending document, built here rather than through mongoose's document
 * machinery (validation, casting, toObject: a third of a millisecond per request in a CPU profile
 * under the webhook benchmark) because every field comes from the request handler's own checked
 * values; the type keeps it to the model's shape. `handedOff`: a worker process starts it (pickup.ts).
 */
export function pendingMarker(accepted: AcceptedDelivery, handedOff: boolean): PendingDoc {
  const { id, receivedAt, delivery } = accepted;
  return {
    _id: id,
    kind: "webhook",
    at: receivedAt,
    triggerId: delivery.triggerId,
    ...(carriesDelivery(accepted) ? { delivery: { ...delivery } } : {}),
    ...(handedOff ? { handedOff: true } : {}),
  };
}

/** The lasting record, as webhook_deliveries stores it. */
export function deliveryRecord({ id, receivedAt, delivery }: AcceptedDelivery) {
  return modelDocument(WebhookDelivery, { _id: id, receivedAt, ...delivery });
}

/** The delivery a marker stands for: carried in it, or read from its record (null: not stored, or not yet). */
export async function acceptedOf(marker: { _id: string; at: Date; delivery?: PendingDelivery | null }): Promise<AcceptedDelivery | null> {
  if (marker.delivery) return { id: marker._id, receivedAt: marker.at, delivery: marker.delivery };
  const record = await WebhookDelivery.findById(marker._id).lean();
  if (!record) return null;
  const { _id, receivedAt, ...delivery } = record;
  return { id: _id, receivedAt, delivery };
}

export function firingOf({ id, receivedAt, delivery, input }: AcceptedDelivery): Firing {
  return {
    id,
    kind: "webhook",
    triggerId: delivery.triggerId,
    runId: delivery.runId,
    at: receivedAt,
    input: input ?? (JSON.parse(delivery.input) as Record<string, unknown>),
    request: { ipAddress: delivery.ipAddress, userAgent: delivery.userAgent },
  };
}

/**
 * Stores the deliveries' records (one already stored is left as it is) and starts their runs; one
 * result per delivery, in order. A delivery that cannot be read or recorded fails alone (its
 * marker stays for the recovery pass), never its batch.
 */
export async function startDeliveries(accepted: readonly AcceptedDelivery[]): Promise<PromiseSettledResult<FiringResult>[]> {
  const checks = new Map<string, Promise<OwnerCheck>>();
  const prepared = await Promise.allSettled(
    accepted.map(async (one) => {
      const firing = firingOf(one);
      await groupInsert(WebhookDelivery.collection, await deliveryRecord(one));
      if (!checks.has(firing.triggerId)) checks.set(firing.triggerId, checkFiring(firing.triggerId, true));
      return { firing, checked: await checks.get(firing.triggerId)! };
    }),
  );
  const ready = prepared.flatMap((p) => (p.status === "fulfilled" ? [p.value] : []));
  const started = (await startFirings(ready)).values();
  return prepared.map((p) => (p.status === "rejected" ? p : started.next().value!));
}

/** Per webhook trigger, its deliveries answered 202 whose runs have not started yet (the Triggers panel shows them). */
export async function waitingDeliveries(triggerIds: string[]): Promise<Map<string, number>> {
  if (triggerIds.length === 0) return new Map();
  const rows = await TriggerPending.aggregate<{ _id: string; n: number }>([
    { $match: { kind: "webhook", triggerId: { $in: triggerIds } } },
    { $group: { _id: "$triggerId", n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [r._id, r.n]));
}
