// Identifiers of runs and events.
import { createHash } from "node:crypto";
import { Types } from "mongoose";

export function newRunId(): string {
  return new Types.ObjectId().toHexString();
}

/**
 * The id of the child run a subprocess step starts, derived from the step's idempotency key:
 * a replayed step finds the child it already started instead of starting a second one, and a
 * cancel of the parent can find the child without a query.
 */
export function childRunId(idempotencyKey: string): string {
  return createHash("sha256").update(`child:${idempotencyKey}`).digest("hex").slice(0, 24);
}

const SEQ_DIGITS = 10;

/** event_logs _id: the run id and the seq padded, so one run's events sort and range by _id. */
export function eventId(runId: string, seq: number): string {
  return `${runId}:${String(seq).padStart(SEQ_DIGITS, "0")}`;
}

/** The first _id after every event of the run: the upper bound of a range read. */
export function eventIdUpperBound(runId: string): string {
  return `${runId}:${"9".repeat(SEQ_DIGITS)}~`;
}

/** A fencing token above every token the run's queue entry can have had before (see models/RunQueue.ts). */
export function tokenSeed(now = Date.now()): number {
  return now * 1_000;
}
