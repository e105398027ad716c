// The shape of a personal API key: "sy_live_" + 43 base64url characters (32 random bytes).
// Pure (node:crypto only), so tests and the authenticator share it.
import { createHash, randomBytes } from "node:crypto";

export const KEY_PREFIX = "sy_live_";
/** How much of the key the list shows: the fixed prefix and 8 characters of the secret part. */
const VISIBLE_CHARS = 8;
const KEY_PATTERN = /^sy_live_[A-Za-z0-9_-]{43}$/;

export interface NewKey {
  key: string;
  hash: string;
  prefix: string;
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function visiblePrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + VISIBLE_CHARS);
}

export function newKey(): NewKey {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, hash: hashKey(key), prefix: visiblePrefix(key) };
}

/** Whether the text has the shape of a key (a cheap refusal before any database read). */
export function looksLikeKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

/** The key from `Authorization: Bearer <key>` (or `X-Api-Key: <key>`), or null when neither is given. */
export function keyFromHeaders(headers: Headers): string | null {
  const auth = headers.get("authorization");
  if (auth) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return match ? match[1] : auth.trim();
  }
  return headers.get("x-api-key")?.trim() || null;
}
