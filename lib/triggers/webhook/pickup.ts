import "server-only";
// Worker processes start the runs of deliveries accepted by processes that run no worker (a web
// server with SWITCHYARD_WORKER=off): such a process answers its 202 after the one insert and
// creates no runs, so its requests do not wait behind run creation on its event loop; the
// markers it leaves say so (handedOff). Every worker process looks for them every PICKUP_MS and
// starts them in batches. Two processes may find the same markers: each batch first claims its
// markers by inserting `pickup:<delivery id>` claims (one insert of an _id succeeds, on FerretDB
// too: models/Claim.ts) and starts only those it won, and drops the claims when the batch is done.
// The recovery pass releases claims held by a process that died mid-batch (older than
// DEAD_PICKUP_MS, lib/triggers/recovery.ts), and starts the few deliveries a batch failed to
// start (their marker loses handedOff), at its slower pace.
import { groupInsertAll } from "@/lib/db/group-commit";
import { Claim } from "@/models/Claim";
import { TriggerPending } from "@/models/TriggerPending";
import { acceptedOf, startDeliveries, type AcceptedDelivery } from "./deliveries";
import { ORPHAN_AFTER_MS } from "../recovery";

export const PICKUP_MS = 100;
/** After a failed round (the database unreachable, say), the next one waits this long. */
const ERROR_PAUSE_MS = 1_000;
/** Markers taken per batch. */
const BATCH = 64;

export const pickupClaimId = (deliveryId: string) => `pickup:${deliveryId}`;
export const PICKUP_CLAIM = /^pickup:/;

/** One batch: claims handed-off markers and starts their runs; the number of deliveries this process took. */
export async function pickUpDeliveries(limit = BATCH): Promise<number> {
  // No sort: FerretDB stops reading at `limit` matches, in insertion order — oldest first, near enough.
  const markers = await TriggerPending.find({ handedOff: true }).limit(limit).lean();
  if (markers.length === 0) return 0;
  const at = new Date();
  const claims = await groupInsertAll(
    Claim.collection,
    markers.map((m) => ({ _id: pickupClaimId(m._id), at })),
  );
  const claimed = markers.filter((_, i) => claims[i] === "inserted");
  if (claimed.length === 0) return 0;
  try {
    const found = await Promise.all(claimed.map((m) => acceptedOf(m)));
    // A marker whose record is not there: its request is between its two inserts, or died there.
    const orphans = claimed.filter((m, i) => !found[i] && Date.now() - new Date(m.at).getTime() > ORPHAN_AFTER_MS);
    if (orphans.length > 0) await TriggerPending.bulkWrite(orphans.map((m) => ({ deleteOne: { filter: { _id: m._id } } })), { ordered: false });
    const mine = found.filter((a): a is AcceptedDelivery => a !== null);
    if (mine.length === 0) return 0;
    const results = await startDeliveries(mine);
    const failed = mine.filter((_, i) => results[i].status === "rejected");
    results.forEach((result, i) => {
      if (result.status === "rejected") console.error(`[webhook] starting the run of ${mine[i].id} failed; recovery retries it`, result.reason);
    });
    // Left to the recovery pass's slower rounds rather than retried every PICKUP_MS.
    if (failed.length > 0) await TriggerPending.bulkWrite(failed.map((a) => ({ updateOne: { filter: { _id: a.id }, update: { $unset: { handedOff: 1 } } } })), { ordered: false });
    return mine.length;
  } finally {
    await Claim.bulkWrite(
      claimed.map((m) => ({ deleteOne: { filter: { _id: pickupClaimId(m._id) } } })),
      { ordered: false },
    );
  }
}

/** Runs batches while there are handed-off markers, then looks again every PICKUP_MS; returns stop(). */
export function startPickup(log: (message: string, error?: unknown) => void): () => Promise<void> {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  const round = async () => {
    let pause = PICKUP_MS;
    try {
      while (!stopped && (await pickUpDeliveries()) > 0);
    } catch (error) {
      log("picking up accepted webhook deliveries failed", error);
      pause = ERROR_PAUSE_MS;
    }
    if (!stopped) timer = setTimeout(() => (current = round()), pause);
  };
  current = round();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
