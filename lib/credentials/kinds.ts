// The kinds of stored credential and the form schema, shared by the settings form and the
// server. Pure: no crypto, no database. Plain fields (a user name, a header name) are stored
// as they are and shown again; secret fields are encrypted and never leave the server again.
import { z } from "zod";

export const CREDENTIAL_TYPES = ["bearer", "basic", "header", "api_key"] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export interface CredentialFieldDef {
  name: "username" | "headerName" | "token" | "password" | "value" | "apiKey";
  label: string;
  secret: boolean;
  hint?: string;
}

export interface CredentialKind {
  label: string;
  description: string;
  fields: readonly CredentialFieldDef[];
}

export const CREDENTIAL_KINDS: Record<CredentialType, CredentialKind> = {
  bearer: {
    label: "Bearer token",
    description: "Sent as Authorization: Bearer <token>.",
    fields: [{ name: "token", label: "Token", secret: true }],
  },
  basic: {
    label: "Basic auth",
    description: "A user name and password, sent as Authorization: Basic.",
    fields: [
      { name: "username", label: "User name", secret: false },
      { name: "password", label: "Password", secret: true },
    ],
  },
  header: {
    label: "Custom header",
    description: "Any header, e.g. X-API-Key: <value>.",
    fields: [
      { name: "headerName", label: "Header name", secret: false, hint: "e.g. X-API-Key" },
      { name: "value", label: "Header value", secret: true },
    ],
  },
  api_key: {
    label: "API key",
    description: "A key for an AI provider (OpenAI, Gemini, an OpenAI-compatible server); HTTP steps send it as a bearer token.",
    fields: [{ name: "apiKey", label: "API key", secret: true }],
  },
};

export function isCredentialType(value: string): value is CredentialType {
  return (CREDENTIAL_TYPES as readonly string[]).includes(value);
}

// RFC 9110 token characters, as fetch() requires for a header name.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const MAX_SECRET = 8_000;

const text = (label: string, max: number) =>
  z.string({ error: `${label} must be text` }).trim().max(max, { error: `${label} must be at most ${max} characters` });

/**
 * One credential form. Secret fields may be blank when editing: blank keeps the stored value
 * (the form never shows it). `fields` holds every field of the chosen type by name.
 */
export const credentialFormSchema = z.object({
  name: text("Name", 120).min(1, { error: "Enter a name, e.g. \"Billing API\"" }),
  type: z.enum(CREDENTIAL_TYPES, { error: `Type must be one of: ${CREDENTIAL_TYPES.join(", ")}` }),
  description: text("Description", 500).default(""),
  fields: z.record(z.string(), z.string().max(MAX_SECRET, { error: `A value may be at most ${MAX_SECRET} characters` })).default({}),
});

export type CredentialForm = z.infer<typeof credentialFormSchema>;

export const credentialIdSchema = z.string().regex(/^[a-f0-9]{24}$/, { error: "Unknown credential." });

/**
 * Field errors for the fields of the chosen type: plain fields are always required; secret ones
 * only when there is no stored value to keep (`creating`). Keys are "fields.<name>".
 */
export function checkCredentialFields(form: CredentialForm, creating: boolean): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const field of CREDENTIAL_KINDS[form.type].fields) {
    const value = form.fields[field.name] ?? "";
    const blank = value.trim() === "";
    if (blank && (!field.secret || creating)) errors[`fields.${field.name}`] = [`Enter the ${field.label.toLowerCase()}.`];
    else if (field.name === "headerName" && !HEADER_NAME.test(value.trim())) {
      errors[`fields.${field.name}`] = ["A header name may use only letters, digits and !#$%&'*+-.^_`|~"];
    } else if (field.secret && /[\r\n]/.test(value)) {
      errors[`fields.${field.name}`] = ["The value must be on one line."];
    }
  }
  return errors;
}

/**
 * The credential types a step of each node type can use: an HTTP step sends any of them as
 * headers; an AI provider takes a key (api_key, bearer) or a custom header.
 */
export function credentialTypesFor(nodeType: string): readonly CredentialType[] {
  return nodeType === "ai" ? ["api_key", "bearer", "header"] : CREDENTIAL_TYPES;
}

/** One entry of the step's credential picker: never a secret. */
export interface CredentialChoice {
  id: string;
  name: string;
  type: CredentialType;
  /** "yours", or the owner's name. */
  owner: string;
}

/** Who a credential is shared with: user ids and role names. */
export const credentialSharingSchema = z.object({
  users: z.array(z.string().regex(/^[a-f0-9]{24}$/, { error: "Each user must be a user id" }), { error: "Users must be a list" }).max(200, { error: "Share with at most 200 users; share with a role instead" }).default([]),
  roles: z.array(z.enum(["admin", "designer", "approver", "manager"], { error: "Roles must be admin, designer, approver or manager" }), { error: "Roles must be a list" }).default([]),
});

export type CredentialSharing = z.infer<typeof credentialSharingSchema>;

/** A workflow whose draft or published version names a credential or a variable. */
export interface WorkflowUse {
  id: string;
  name: string;
}

/** What the settings page lists: never a secret. */
export interface CredentialRow {
  id: string;
  name: string;
  type: CredentialType;
  description: string;
  /** The owner's name ("" when nobody owns it: made before owners existed; admins manage it). */
  ownerName: string;
  /** The viewer may edit, share and delete it. */
  canManage: boolean;
  sharing: CredentialSharing;
  /** The plain fields (user name, header name). */
  plain: { name: string; value: string }[];
  /** Which secret fields hold a stored value. */
  storedSecrets: string[];
  updatedAt: string;
}

/** What an executor receives from services.credentials.reveal: plain and secret fields together, by field name. */
export interface RevealedCredential {
  name: string;
  type: string;
  secret: Record<string, string>;
}
