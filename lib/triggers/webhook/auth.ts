// Webhook authentication: a bearer token (stored as its sha256) or an HMAC-SHA256 signature of
// `<timestamp>.<raw body>` with a shared secret, in the header
//   X-Switchyard-Signature: t=<unix seconds>,v1=<hex digest>
// Both compare in constant time (timingSafeEqual on equal-length digests). A timestamp more than
// SIGNATURE_TOLERANCE_S away from the server's clock is refused, so a captured request cannot be
// replayed later; within the window, an Idempotency-Key makes a replay return the first run.
import { createHmac, timingSafeEqual } from "node:crypto";
import { sha256Hex } from "../ids";

export const SIGNATURE_HEADER = "x-switchyard-signature";
export const SIGNATURE_TOLERANCE_S = 300;

export type AuthResult = { ok: true } | { ok: false; message: string };

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export function checkBearer(header: string | null, tokenHash: string | null | undefined): AuthResult {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return { ok: false, message: "This webhook needs an Authorization: Bearer <token> header." };
  if (!tokenHash || !sameHex(sha256Hex(match[1]), tokenHash)) return { ok: false, message: "The bearer token is not this webhook's token." };
  return { ok: true };
}

export function signPayload(secret: string, timestamp: number, body: Uint8Array | string): string {
  const mac = createHmac("sha256", secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return mac.digest("hex");
}

/** The header value a sender puts on a request: `t=<unix seconds>,v1=<hex>`. */
export function signatureHeader(secret: string, body: Uint8Array | string, nowMs = Date.now()): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${signPayload(secret, t, body)}`;
}

export function checkSignature(header: string | null, secret: string, body: Uint8Array, nowMs = Date.now()): AuthResult {
  if (!header) return { ok: false, message: `This webhook needs an X-Switchyard-Signature header (t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">).` };
  const parts = new Map(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || !/^[a-f0-9]{64}$/i.test(v1)) return { ok: false, message: "The X-Switchyard-Signature header must look like t=<unix seconds>,v1=<64 hex characters>." };
  if (Math.abs(nowMs / 1000 - t) > SIGNATURE_TOLERANCE_S) {
    return { ok: false, message: `The signature's timestamp is more than ${SIGNATURE_TOLERANCE_S / 60} minutes from the server's clock: a replayed or delayed request is refused.` };
  }
  if (!sameHex(signPayload(secret, t, body), v1.toLowerCase())) return { ok: false, message: "The signature does not match the body: wrong secret, or the body was changed." };
  return { ok: true };
}
