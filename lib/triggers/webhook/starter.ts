import "server-only";
// Starts the runs of accepted deliveries behind the requests, a few at a time. An accepted
// delivery is durable before its 202 (its trigger_pending marker and webhook_deliveries record),
// so its run may start a moment later: a burst is answered at the rate the database stores
// deliveries, and its runs start at the rate the database creates runs, without each request
// waiting for the runs of the ones before it. Starts in flight together share the group commit's
// batches. If this process dies with starts still waiting, the recovery pass starts them
// (lib/triggers/recovery.ts); starting one twice is harmless (its run id is fixed).
import { startFiring, type Firing, type OwnerCheck } from "../fire";

/** Starts in flight at once. */
const STARTS_AT_ONCE = 8;
/**
 * Waiting starts kept in memory; beyond this the recovery pass starts them from their markers
 * (a few seconds later), so a flood cannot grow this process's memory without bound.
 */
const MAX_WAITING = 5_000;

const waiting: { firing: Firing; checked: OwnerCheck }[] = [];
let running = 0;

function next(): void {
  while (running < STARTS_AT_ONCE && waiting.length > 0) {
    const { firing, checked } = waiting.shift()!;
    running += 1;
    startFiring(firing, checked)
      .catch((error: unknown) => console.error(`[webhook] starting the run of ${firing.id} failed; recovery retries it`, error))
      .finally(() => {
        running -= 1;
        next();
      });
  }
}

/** Queues the run's start; returns at once. */
export function startSoon(firing: Firing, checked: OwnerCheck): void {
  if (waiting.length >= MAX_WAITING) return; // its marker stays: recovery starts it
  waiting.push({ firing, checked });
  next();
}

/** Starts queued or in flight in this process (for tests and the benchmark's report). */
export function startsPending(): number {
  return waiting.length + running;
}
