"use server";
// Server actions of the credentials page and the steps' credential picker. Each runs in the one
// action guard; the service parses the form with zod and checks the right on the one credential.

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardAction, parseArgument } from "@/lib/auth/action-guard";
import { can } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { createCredential, credentialChoices, deleteCredential, updateCredential, type CredentialResult } from "@/lib/credentials/service";
import { shareCredential } from "@/lib/credentials/sharing";
import type { CredentialChoice } from "@/lib/credentials/kinds";
import { formDataSchema } from "@/lib/http/form-data";
import { plainTextProblem } from "@/lib/validation/plain-text";

/**
 * Every credential action: signed in with "credentials:create" (designers, admins); the service
 * then checks the right on the one credential. A refusal becomes a message; the list refreshes.
 */
async function guarded(run: (actor: CurrentUser) => Promise<CredentialResult>): Promise<CredentialResult> {
  const result = await guardAction("credentials:create", run, "credentials");
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
  return guarded(async (actor) => {
    const parsed = parseArgument(formDataSchema, form, "Saving the credential");
    if (!parsed.ok) return parsed;
    const input = formInput(parsed.data);
    const nameProblem = typeof input.name === "string" ? plainTextProblem(input.name, "Name") : null;
    if (nameProblem) return { ok: false, message: "Check the highlighted fields.", errors: { name: [nameProblem] } };
    const id = parsed.data.get("id");
    return typeof id === "string" && id !== "" ? updateCredential(actor, id, input) : createCredential(actor, input);
  });
}

const deleteSchema = z.object({ id: z.string({ error: "Credential id is required" }), confirmed: z.boolean().default(false) });

/** Without `confirmed`, a credential that workflows use is not deleted: the answer lists them. */
export async function deleteCredentialAction(input: { id: string; confirmed?: boolean }): Promise<CredentialResult> {
  const parsed = deleteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  return guarded((actor) => deleteCredential(actor, parsed.data.id, { confirmed: parsed.data.confirmed }));
}

export async function shareCredentialAction(id: string, sharing: unknown): Promise<CredentialResult> {
  return guarded((actor) => shareCredential(actor, id, sharing));
}

/**
 * For the HTTP and AI steps' credential picker: names and types only, never a secret. People who
 * may only view workflows (approvers, managers) get an empty list: they pick nothing.
 */
export async function credentialChoicesAction(nodeType: string): Promise<{ choices: CredentialChoice[]; canCreate: boolean }> {
  const kind = z.enum(["action", "ai"]).catch("action").parse(nodeType);
  const answer = await guardAction(
    "workflows:view",
    async (actor) => (can(actor, "workflows:create") ? { choices: await credentialChoices(actor, kind), canCreate: can(actor, "credentials:create") } : { choices: [], canCreate: false }),
    "credentials",
  );
  return "choices" in answer ? answer : { choices: [], canCreate: false };
}
