import "server-only";
// services.credentials for the runtime: a step gets a credential's secret only when the person
// the run acts as (meta.trigger.by: who pressed Run, or the owner of the schedule, webhook or
// API key that started it, inherited by sub-workflows) may use it now. Read fresh with
// loadActor, so unsharing a credential or deactivating a user stops the next step at once.
import { isValidObjectId } from "mongoose";
import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { Credential, type CredentialDoc } from "@/models/Credential";
import { credentialAcl } from "./access";
import { isCredentialType, type RevealedCredential } from "./kinds";
import { readSecret } from "./secret";

/** The step may not use the credential: the message says why and what to do. */
export interface CredentialRefusal {
  refused: true;
  message: string;
}

/**
 * The credential's plain and secret fields for a step of a run started by `startedBy`; null when
 * it does not exist; a refusal when that person may not use it. Never call this from a page, an
 * action or a route handler: its result holds the secret.
 */
export async function revealCredentialFor(startedBy: string | null, id: string): Promise<RevealedCredential | CredentialRefusal | null> {
  if (!isValidObjectId(id)) return null;
  const doc = await Credential.findById(id).lean<CredentialDoc>();
  if (!doc || !isCredentialType(doc.type)) return null;
  const actor = await loadActor(startedBy);
  if (!can(actor, "credential:use", credentialAcl(doc))) {
    return {
      refused: true,
      message: `the person who started this run may not use credential ${id}: ask its owner to share it with them, or pick a credential they may use`,
    };
  }
  const secret: Record<string, string> = {};
  for (const p of doc.plain ?? []) secret[p.name] = p.value ?? "";
  Object.assign(secret, readSecret(doc));
  return { name: doc.name, type: doc.type, secret };
}

/** The provider plugged into the runtime (lib/runtime/providers.ts). */
export const credentialsProvider = { revealFor: revealCredentialFor };
