import "server-only";
// A webhook's secret: a bearer token kept only as its sha256 (shown once, at creation or
// rotation), or an HMAC secret kept sealed with AES-256-GCM (CREDENTIALS_KEY), bound to the
// trigger's id so a sealed value copied onto another trigger does not open. Neither goes back to
// the browser after it was shown once.
import { randomBytes } from "node:crypto";
import { credentialsKey, open, seal, type SealedSecret } from "@/lib/credentials/crypto";
import { sha256Hex } from "./ids";

const aad = (triggerId: string) => `trigger:${triggerId}`;

export function newSecretValue(kind: "token" | "hmac"): string {
  return `${kind === "token" ? "swt" : "sws"}_${randomBytes(24).toString("base64url")}`;
}

/** The fields to store for a new secret, and the value to show once. */
export function storedSecret(triggerId: string, kind: "token" | "hmac", value = newSecretValue(kind)) {
  return kind === "token"
    ? { value, fields: { "webhook.tokenHash": sha256Hex(value), "webhook.secret": null } }
    : { value, fields: { "webhook.tokenHash": null, "webhook.secret": seal(value, credentialsKey(), aad(triggerId)) } };
}

export function openHmacSecret(triggerId: string, sealed: SealedSecret): string {
  return open(sealed, credentialsKey(), aad(triggerId));
}
