// Identifiers of triggers and their firings. A firing's run id is derived from the firing's _id,
// so the request that accepted a delivery and the recovery pass that finishes it after a crash
// start the same run: the second insert of the execution finds the first (lib/runtime/enqueue.ts).
import { createHash, randomBytes } from "node:crypto";

/** 32 url-safe random characters (192 bits): a webhook's URL is unguessable. */
export function newTriggerId(): string {
  return randomBytes(24).toString("base64url");
}

export const TRIGGER_ID = /^[A-Za-z0-9_-]{32}$/;

/** trigger_fires _id: one per schedule fire time. */
export function fireId(triggerId: string, fireTime: Date): string {
  return `${triggerId}:${fireTime.toISOString()}`;
}

/** webhook_deliveries _id: from the Idempotency-Key when there is one, so a redelivery collides with the first. */
export function deliveryId(triggerId: string, idempotencyKey: string | null, now = Date.now()): string {
  if (idempotencyKey) return `${triggerId}:k:${createHash("sha256").update(idempotencyKey).digest("base64url")}`;
  return `${triggerId}:${now.toString(36)}:${randomBytes(6).toString("base64url")}`;
}

/** The run a firing starts: 24 hex characters like every run id. */
export function runIdFor(firingId: string): string {
  return createHash("sha256").update(`trigger:${firingId}`).digest("hex").slice(0, 24);
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
