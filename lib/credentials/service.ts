// Stored credentials. Admins manage every one; designers create their own, and manage and share
// those; whoever a credential is shared with (by user or role) may pick it in a step. Secrets
// are sealed before they reach the database and are never returned by the list or by any
// action, so they cannot reach the browser again. The runtime reveals one through
// lib/credentials/runtime.ts, for the run's starter only.
import "server-only";
import type { z } from "zod";
import { can, isRole, type Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { userNames } from "@/lib/workflows/store";
import { workflowsWhoseGraph } from "@/lib/workflows/graph-search";
import { Credential, type CredentialDoc } from "@/models/Credential";
import { credentialAcl } from "./access";
import { readSecret, sealedFor } from "./secret";
import {
  CREDENTIAL_KINDS,
  checkCredentialFields,
  credentialFormSchema,
  credentialIdSchema,
  credentialTypesFor,
  type CredentialChoice,
  type CredentialForm,
  type CredentialRow,
  type CredentialType,
  type RevealedCredential,
  type WorkflowUse,
} from "./kinds";

export type { RevealedCredential };

export interface CredentialResult {
  ok: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  id?: string;
  /** Set when a delete was refused because workflows use it: confirm to delete anyway. */
  inUse?: WorkflowUse[];
}

const MISSING = "That credential no longer exists, or it is not shared with you.";

function issuesToErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return out;
}

function parseForm(input: unknown, creating: (form: CredentialForm) => boolean): CredentialResult | CredentialForm {
  const parsed = credentialFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error), message: "Check the highlighted fields." };
  const errors = checkCredentialFields(parsed.data, creating(parsed.data));
  if (Object.keys(errors).length > 0) return { ok: false, errors, message: "Check the highlighted fields." };
  return parsed.data;
}

function isResult(value: CredentialResult | CredentialForm): value is CredentialResult {
  return "ok" in value;
}

/** Splits the form's fields by the type's definition; secrets keep `previous` where left blank. */
function split(form: CredentialForm, previous: Record<string, string>) {
  const plain: { name: string; value: string }[] = [];
  const secret: Record<string, string> = {};
  for (const field of CREDENTIAL_KINDS[form.type].fields) {
    const value = (form.fields[field.name] ?? "").trim();
    if (!field.secret) plain.push({ name: field.name, value });
    else if (value !== "") secret[field.name] = value;
    else if (previous[field.name] !== undefined) secret[field.name] = previous[field.name];
  }
  return { plain, secret };
}

type ListedDoc = Omit<CredentialDoc, "secret">;

function toRow(actor: Actor, doc: ListedDoc, names: Map<string, string>): CredentialRow {
  const acl = credentialAcl(doc);
  return {
    id: String(doc._id),
    name: doc.name,
    type: doc.type as CredentialType,
    description: doc.description ?? "",
    ownerName: acl.owner ? (acl.owner === actor.id ? "You" : (names.get(acl.owner) ?? "a removed user")) : "",
    canManage: can(actor, "credential:manage", acl),
    sharing: { users: [...acl.users], roles: acl.roles.filter(isRole) },
    plain: (doc.plain ?? []).map((p) => ({ name: p.name, value: p.value ?? "" })),
    storedSecrets: doc.secretFields ?? [],
    updatedAt: doc.updatedAt?.toISOString() ?? "",
  };
}

/** The credentials the actor may use (every one for admins): a small collection, read once without the sealed secrets. */
async function usableDocs(actor: Actor): Promise<ListedDoc[]> {
  const docs = await Credential.find({}, { secret: 0 }).lean<ListedDoc[]>();
  return docs.filter((d) => can(actor, "credential:use", credentialAcl(d)));
}

/** The settings page: what the actor may use, with who owns each and whether they may manage it. */
export async function listCredentials(actor: Actor): Promise<CredentialRow[]> {
  if (!can(actor, "credentials:create")) throw new PermissionError();
  const docs = await usableDocs(actor);
  const names = await userNames(docs.map((d) => d.owner));
  return docs.map((d) => toRow(actor, d, names)).sort((a, b) => a.name.localeCompare(b.name));
}

/** The step's credential picker: what the actor may use, of the types `nodeType` takes. Names and types only. */
export async function credentialChoices(actor: Actor, nodeType = "action"): Promise<CredentialChoice[]> {
  if (!can(actor, "workflows:create")) throw new PermissionError();
  const types = credentialTypesFor(nodeType);
  const docs = (await usableDocs(actor)).filter((d) => (types as readonly string[]).includes(d.type));
  const names = await userNames(docs.map((d) => d.owner));
  return docs
    .map((d) => {
      const owner = d.owner ? String(d.owner) : "";
      return { id: String(d._id), name: d.name, type: d.type as CredentialType, owner: owner === actor.id ? "yours" : (names.get(owner) ?? "shared") };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function createCredential(actor: Actor, input: unknown): Promise<CredentialResult> {
  if (!can(actor, "credentials:create")) throw new PermissionError();
  const form = parseForm(input, () => true);
  if (isResult(form)) return form;
  const { plain, secret } = split(form, {});
  const doc = new Credential({ name: form.name, type: form.type, description: form.description, plain, owner: actor.id, lastEditor: actor.id });
  doc.set({ secretFields: Object.keys(secret), secret: sealedFor(String(doc._id), secret) });
  await doc.save();
  return { ok: true, id: String(doc._id), message: `Saved "${form.name}". Its secret can no longer be shown, only replaced.` };
}

/** The credential if the actor may manage it; a PermissionError (same words for missing and not yours) otherwise. */
export async function managedCredential(actor: Actor, id: unknown): Promise<CredentialDoc> {
  const parsedId = credentialIdSchema.safeParse(id);
  if (!parsedId.success) throw new PermissionError(MISSING);
  const doc = await Credential.findById(parsedId.data).lean<CredentialDoc>();
  if (!doc) throw new PermissionError(MISSING);
  const acl = credentialAcl(doc);
  if (!can(actor, "credential:manage", acl)) {
    throw new PermissionError(can(actor, "credential:use", acl) ? "Only its owner or an admin may change this credential." : MISSING);
  }
  return doc;
}

export async function updateCredential(actor: Actor, id: unknown, input: unknown): Promise<CredentialResult> {
  const existing = await managedCredential(actor, id);
  const credentialId = String(existing._id);
  // Changing the type leaves nothing to keep: the new type's secrets must be entered.
  const form = parseForm(input, (f) => f.type !== existing.type);
  if (isResult(form)) return form;
  const previous = form.type === existing.type ? readSecret(existing) : {};
  const { plain, secret } = split(form, previous);
  const update = {
    name: form.name,
    type: form.type,
    description: form.description,
    plain,
    secretFields: Object.keys(secret),
    secret: sealedFor(credentialId, secret),
    lastEditor: actor.id,
  };
  const res = await Credential.updateOne({ _id: credentialId }, { $set: update });
  if (res.matchedCount === 0) return { ok: false, message: MISSING };
  return { ok: true, id: credentialId, message: `Saved "${form.name}".` };
}

/** Workflows whose draft or published version picks this credential. */
export function workflowsUsingCredential(id: string): Promise<WorkflowUse[]> {
  const needle = `"credentialId":${JSON.stringify(id)}`;
  return workflowsWhoseGraph((text) => text.includes(needle));
}

/**
 * Deletes a credential the actor manages. While workflows use it, the first call refuses and
 * lists them (`inUse`); the call with `confirmed` deletes anyway, and those steps then fail
 * until another credential is picked.
 */
export async function deleteCredential(actor: Actor, id: unknown, options: { confirmed?: boolean } = {}): Promise<CredentialResult> {
  const doc = await managedCredential(actor, id);
  const credentialId = String(doc._id);
  if (!options.confirmed) {
    const inUse = await workflowsUsingCredential(credentialId);
    if (inUse.length > 0) {
      const names = inUse.map((w) => `"${w.name}"`).join(", ");
      return { ok: false, inUse, message: `"${doc.name}" is used by ${inUse.length === 1 ? "the workflow" : `${inUse.length} workflows:`} ${names}. Their steps will fail until another credential is picked.` };
    }
  }
  const res = await Credential.deleteOne({ _id: credentialId });
  if (res.deletedCount === 0) return { ok: false, message: MISSING };
  return { ok: true, message: `Deleted "${doc.name}".` };
}
