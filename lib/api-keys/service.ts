import "server-only";
// Personal API keys: create (the key is returned once), list, revoke. A key acts as its owner,
// so anyone who may open their settings may hold keys; each person sees and revokes only their own.
import { randomBytes } from "node:crypto";
import { PermissionError } from "@/lib/auth/errors";
import { can, type Actor } from "@/lib/auth/roles";
import { fieldErrors } from "@/lib/workflows/refusals";
import { ApiKey, type ApiKeyDoc } from "@/models/ApiKey";
import type { ApiKeyStatus, ApiKeyView, CreateKeyResult, RevokeKeyResult } from "./contract";
import { createApiKeySchema, expiryDate, keyPublicIdSchema } from "./schema";
import { newKey } from "./token";

export type { ApiKeyStatus, ApiKeyView, CreateKeyResult, RevokeKeyResult };

/** A person may have at most this many keys that are not revoked, so a leaked session cannot mint thousands. */
export const MAX_KEYS_PER_USER = 50;

function assertMayHoldKeys(actor: Actor) {
  if (!can(actor, "settings:view")) throw new PermissionError("You cannot manage API keys.");
}

export function statusOf(key: Pick<ApiKeyDoc, "revokedAt" | "expiresAt">, now: number): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now) return "expired";
  return "active";
}

const isoOrNull = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

function viewOf(doc: ApiKeyDoc, now: number): ApiKeyView {
  return {
    id: doc.publicId,
    name: doc.name,
    prefix: doc.prefix,
    status: statusOf(doc, now),
    createdAt: new Date(doc.createdAt).toISOString(),
    expiresAt: isoOrNull(doc.expiresAt),
    lastUsedAt: isoOrNull(doc.lastUsedAt),
    revokedAt: isoOrNull(doc.revokedAt),
  };
}

/** The actor's keys, newest first. The collection holds a few keys per person: the scan by userId is small. */
export async function listApiKeys(actor: Actor, now = Date.now()): Promise<ApiKeyView[]> {
  assertMayHoldKeys(actor);
  const docs = await ApiKey.find({ userId: actor.id }).sort({ createdAt: -1 }).lean<ApiKeyDoc[]>();
  return docs.map((doc) => viewOf(doc, now));
}

export async function createApiKey(actor: Actor, raw: unknown, now = Date.now()): Promise<CreateKeyResult> {
  assertMayHoldKeys(actor);
  const parsed = createApiKeySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, errors: fieldErrors(parsed.error) };
  const live = (await ApiKey.find({ userId: actor.id, revokedAt: null }, { _id: 1 }).lean()).length;
  if (live >= MAX_KEYS_PER_USER) return { ok: false, message: `You already have ${MAX_KEYS_PER_USER} keys. Revoke one you no longer use first.` };
  const { key, hash, prefix } = newKey();
  const doc = await ApiKey.create({
    _id: hash,
    publicId: randomBytes(8).toString("hex"),
    userId: actor.id,
    name: parsed.data.name,
    prefix,
    expiresAt: expiryDate(parsed.data.expiresIn, now),
  });
  return { ok: true, message: "Key created. Copy it now: it is not shown again.", key, view: viewOf(doc.toObject() as ApiKeyDoc, now) };
}

/** Revokes one of the actor's own keys; a key of someone else reads as unknown. Revoking twice is harmless. */
export async function revokeApiKey(actor: Actor, rawId: unknown, now = Date.now()): Promise<RevokeKeyResult> {
  assertMayHoldKeys(actor);
  const id = keyPublicIdSchema.safeParse(rawId);
  if (!id.success) return { ok: false, message: id.error.issues[0].message };
  const doc = await ApiKey.findOne({ publicId: id.data, userId: actor.id }, { _id: 1, revokedAt: 1, name: 1 }).lean();
  if (!doc) return { ok: false, message: "That key does not exist, or it is not yours." };
  if (doc.revokedAt) return { ok: true, message: `“${doc.name}” was already revoked.` };
  await ApiKey.updateOne({ _id: doc._id }, { $set: { revokedAt: new Date(now) } });
  return { ok: true, message: `“${doc.name}” is revoked: requests with it now get 401.` };
}
