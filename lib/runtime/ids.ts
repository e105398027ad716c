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

/** event_logs _id: the run id and the seq padded, so a run's events are read by exact _id (follow.ts readEvents) and sort by it. */
export function eventId(runId: string, seq: number): string {
  return `${runId}:${String(seq).padStart(SEQ_DIGITS, "0")}`;
}

/** A fencing token above every token the run's queue entry can have had before (see models/RunQueue.ts). */
export function tokenSeed(now = Date.now()): number {
  return now * 1_000;
}
