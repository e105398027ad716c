import "server-only";
// Starts the runs of accepted deliveries behind the requests, in batches. An accepted delivery is
// durable before its 202 (its trigger_pending marker), so its run may start a moment later. One
// batch is in flight at a time and takes every delivery that arrived while the one before was
// being started (up to BATCH): a batch stores its delivery records together, checks each
// trigger's owner once, reads its workflow and variables once and creates its runs together
// (deliveries.ts, lib/triggers/fire.ts startFirings), so a burst costs the database a few
// commands per batch rather than a dozen per delivery, and the requests' own reads and inserts
// are not queued behind a crowd of starts. If this process dies with starts still waiting, the
// recovery pass starts them (lib/triggers/recovery.ts); starting one twice is harmless (its run
// id is fixed).
import { startDeliveries, type AcceptedDelivery } from "./deliveries";

/** Deliveries started together at most. */
const BATCH = 64;
/**
 * Waiting starts kept in memory; beyond this the recovery pass starts them from their markers
 * (a few seconds later), so a flood cannot grow this process's memory without bound.
 */
const MAX_WAITING = 5_000;

const waiting: AcceptedDelivery[] = [];
let running = 0;

function next(): void {
  if (running > 0 || waiting.length === 0) return;
  const batch = waiting.splice(0, BATCH);
  running = batch.length;
  startDeliveries(batch)
    .then((results) => {
      results.forEach((result, i) => {
        if (result.status === "rejected") console.error(`[webhook] starting the run of ${batch[i].id} failed; recovery retries it`, result.reason);
      });
    })
    .catch((error: unknown) => console.error(`[webhook] starting ${batch.length} runs failed; recovery retries them`, error))
    .finally(() => {
      running = 0;
      next();
    });
}

/** Queues the run's start; returns at once. */
export function startSoon(accepted: AcceptedDelivery): void {
  if (waiting.length >= MAX_WAITING) return; // its marker stays: recovery starts it
  waiting.push(accepted);
  next();
}

/** Starts queued or in flight in this process (for tests and the benchmark's report). */
export function startsPending(): number {
  return waiting.length + running;
}
