import "server-only";
// Sealing and opening one credential's secret fields, bound to its id (lib/credentials/crypto.ts).
import type { CredentialDoc } from "@/models/Credential";
import { credentialsKey, open, seal, type SealedSecret } from "./crypto";

const aad = (id: string) => `credential:${id}`;

export function sealedFor(id: string, secret: Record<string, string>): SealedSecret {
  return seal(JSON.stringify(secret), credentialsKey(), aad(id));
}

export function readSecret(doc: Pick<CredentialDoc, "_id" | "secret">): Record<string, string> {
  if (!doc.secret) return {};
  const parsed: unknown = JSON.parse(open(doc.secret, credentialsKey(), aad(String(doc._id))));
  if (typeof parsed !== "object" || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
}
