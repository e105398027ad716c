import "server-only";
// Who a REST request acts as: the owner of its API key, read fresh on every request, so a
// revoked or expired key, or a deactivated owner, stops working at once.
import { loadActor, type LoadedActor } from "@/lib/auth/actor";
import { ApiKey, type ApiKeyDoc } from "@/models/ApiKey";
import { statusOf } from "./service";
import { hashKey, keyFromHeaders, looksLikeKey } from "./token";

/** lastUsedAt is written at most once a minute per key: a busy key would otherwise write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export type KeyAuth =
  | { ok: true; actor: LoadedActor; keyId: string }
  | { ok: false; message: string };

const REFUSALS = {
  missing: "Send your API key as `Authorization: Bearer sy_live_…`. Create one under Settings → API keys.",
  unknown: "This API key is not valid.",
  revoked: "This API key was revoked.",
  expired: "This API key has expired. Create a new one under Settings → API keys.",
  owner: "The owner of this API key is deactivated.",
} as const;

export async function authenticateKey(headers: Headers, now = Date.now()): Promise<KeyAuth> {
  const key = keyFromHeaders(headers);
  if (!key) return { ok: false, message: REFUSALS.missing };
  if (!looksLikeKey(key)) return { ok: false, message: REFUSALS.unknown };
  const doc = await ApiKey.findById(hashKey(key)).lean<ApiKeyDoc>();
  if (!doc) return { ok: false, message: REFUSALS.unknown };
  const status = statusOf(doc, now);
  if (status !== "active") return { ok: false, message: REFUSALS[status] };
  const actor = await loadActor(String(doc.userId));
  if (!actor) return { ok: false, message: REFUSALS.unknown };
  if (!actor.active) return { ok: false, message: REFUSALS.owner };
  await touch(doc, now);
  return { ok: true, actor, keyId: doc.publicId };
}

async function touch(doc: Pick<ApiKeyDoc, "_id" | "lastUsedAt">, now: number) {
  const last = doc.lastUsedAt ? new Date(doc.lastUsedAt).getTime() : 0;
  if (now - last < LAST_USED_RESOLUTION_MS) return;
  await ApiKey.updateOne({ _id: doc._id }, { $set: { lastUsedAt: new Date(now) } });
}
