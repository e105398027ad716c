"use server";
// Server actions of the credentials page (admins) and the steps' credential picker. Each runs in
// the one action guard; the service parses the form with zod.

import { revalidatePath } from "next/cache";
import { guardAction, parseArgument } from "@/lib/auth/action-guard";
import type { CurrentUser } from "@/lib/auth/session";
import { createCredential, credentialChoices, deleteCredential, updateCredential, type CredentialResult } from "@/lib/credentials/service";
import { formDataSchema } from "@/lib/http/form-data";
import { plainTextProblem } from "@/lib/validation/plain-text";

/** Checks the permission inside the action, turns a refusal into a message, refreshes the list. */
async function asAdmin(run: (actor: CurrentUser) => Promise<CredentialResult>): Promise<CredentialResult> {
  const result = await guardAction("credentials:manage", run, "credentials");
  if (result.ok) revalidatePath("/settings/credentials");
  return result;
}

/** The form's fields: name, type, description, and "fields.<name>" for each credential field. */
function formInput(form: FormData) {
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("fields.") && typeof value === "string") fields[key.slice("fields.".length)] = value;
  }
  return { name: form.get("name"), type: form.get("type"), description: form.get("description") ?? "", fields };
}

export async function saveCredentialAction(_prev: CredentialResult | null, form: FormData): Promise<CredentialResult> {
  return asAdmin(async (actor) => {
    const parsed = parseArgument(formDataSchema, form, "Saving the credential");
    if (!parsed.ok) return parsed;
    const input = formInput(parsed.data);
    const nameProblem = typeof input.name === "string" ? plainTextProblem(input.name, "Name") : null;
    if (nameProblem) return { ok: false, message: "Check the highlighted fields.", errors: { name: [nameProblem] } };
    const id = parsed.data.get("id");
    return typeof id === "string" && id !== "" ? updateCredential(actor, id, input) : createCredential(actor, input);
  });
}

export async function deleteCredentialAction(id: string): Promise<CredentialResult> {
  return asAdmin((actor) => deleteCredential(actor, id));
}

/** For the HTTP and AI steps' credential picker: names and types only, never a secret. None for who may not pick. */
export async function credentialChoicesAction(): Promise<{ id: string; name: string; type: string }[]> {
  const choices = await guardAction("workflows:create", (actor) => credentialChoices(actor), "credentials");
  return Array.isArray(choices) ? choices : [];
}
