// Stored credentials: admins create, edit and delete them; the runtime reveals one to an
// executor. Secrets are sealed before they reach the database and are never returned by the
// list or by any action, so they cannot reach the browser again.
import "server-only";
import { isValidObjectId } from "mongoose";
import type { z } from "zod";
import { can, type Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { Credential, type CredentialDoc } from "@/models/Credential";
import { credentialsKey, open, seal } from "./crypto";
import {
  CREDENTIAL_KINDS,
  checkCredentialFields,
  credentialFormSchema,
  credentialIdSchema,
  isCredentialType,
  type CredentialForm,
  type CredentialRow,
  type CredentialType,
  type RevealedCredential,
} from "./kinds";

export type { RevealedCredential };

export interface CredentialResult {
  ok: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  id?: string;
}

function assertAdmin(actor: Actor) {
  if (!can(actor, "credentials:manage")) throw new PermissionError();
}

const aad = (id: string) => `credential:${id}`;

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

function toRow(doc: Omit<CredentialDoc, "secret">): CredentialRow {
  return {
    id: String(doc._id),
    name: doc.name,
    type: doc.type as CredentialType,
    description: doc.description ?? "",
    plain: (doc.plain ?? []).map((p) => ({ name: p.name, value: p.value ?? "" })),
    storedSecrets: doc.secretFields ?? [],
    updatedAt: doc.updatedAt?.toISOString() ?? "",
  };
}

export async function listCredentials(actor: Actor): Promise<CredentialRow[]> {
  assertAdmin(actor);
  // A small collection: one read without the sealed secrets, sorted in memory.
  const docs = await Credential.find({}, { secret: 0 }).lean<Omit<CredentialDoc, "secret">[]>();
  return docs.map(toRow).sort((a, b) => a.name.localeCompare(b.name));
}

/** The credentials an HTTP or AI step may name: id, name and type only. */
export async function credentialChoices(actor: Actor): Promise<{ id: string; name: string; type: string }[]> {
  if (!can(actor, "workflows:create") && !can(actor, "credentials:manage")) throw new PermissionError();
  const docs = await Credential.find({}, { name: 1, type: 1 }).lean();
  return docs.map((d) => ({ id: String(d._id), name: d.name, type: d.type })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function createCredential(actor: Actor, input: unknown): Promise<CredentialResult> {
  assertAdmin(actor);
  const form = parseForm(input, () => true);
  if (isResult(form)) return form;
  const { plain, secret } = split(form, {});
  const doc = new Credential({ name: form.name, type: form.type, description: form.description, plain, owner: actor.id, lastEditor: actor.id });
  doc.set({ secretFields: Object.keys(secret), secret: seal(JSON.stringify(secret), credentialsKey(), aad(String(doc._id))) });
  await doc.save();
  return { ok: true, id: String(doc._id), message: `Saved "${form.name}". Its secret can no longer be shown, only replaced.` };
}

export async function updateCredential(actor: Actor, id: unknown, input: unknown): Promise<CredentialResult> {
  assertAdmin(actor);
  const parsedId = credentialIdSchema.safeParse(id);
  if (!parsedId.success) return { ok: false, message: "That credential no longer exists." };
  const existing = await Credential.findById(parsedId.data).lean<CredentialDoc>();
  if (!existing) return { ok: false, message: "That credential no longer exists." };
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
    secret: seal(JSON.stringify(secret), credentialsKey(), aad(parsedId.data)),
    lastEditor: actor.id,
  };
  const res = await Credential.updateOne({ _id: parsedId.data }, { $set: update });
  if (res.matchedCount === 0) return { ok: false, message: "That credential no longer exists." };
  return { ok: true, id: parsedId.data, message: `Saved "${form.name}".` };
}

export async function deleteCredential(actor: Actor, id: unknown): Promise<CredentialResult> {
  assertAdmin(actor);
  const parsedId = credentialIdSchema.safeParse(id);
  if (!parsedId.success) return { ok: false, message: "That credential no longer exists." };
  const res = await Credential.deleteOne({ _id: parsedId.data });
  if (res.deletedCount === 0) return { ok: false, message: "That credential no longer exists." };
  return { ok: true, message: "Credential deleted. Steps that used it now fail until another is chosen." };
}

function readSecret(doc: Pick<CredentialDoc, "_id" | "secret">): Record<string, string> {
  if (!doc.secret) return {};
  const parsed: unknown = JSON.parse(open(doc.secret, credentialsKey(), aad(String(doc._id))));
  if (typeof parsed !== "object" || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * For the runtime only (services.credentials.reveal): the credential's plain and secret fields,
 * or null when it does not exist. Never call this from a page, an action or a route handler.
 */
export async function revealCredential(id: string): Promise<RevealedCredential | null> {
  if (!isValidObjectId(id)) return null;
  const doc = await Credential.findById(id).lean<CredentialDoc>();
  if (!doc || !isCredentialType(doc.type)) return null;
  const secret: Record<string, string> = {};
  for (const p of doc.plain ?? []) secret[p.name] = p.value ?? "";
  Object.assign(secret, readSecret(doc));
  return { name: doc.name, type: doc.type, secret };
}

/** services.credentials for the runtime. */
export const credentialsService = { reveal: revealCredential };
