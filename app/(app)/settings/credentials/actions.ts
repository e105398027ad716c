"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionPermission, PermissionError } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { createCredential, credentialChoices, deleteCredential, updateCredential, type CredentialResult } from "@/lib/credentials/service";
import { shareCredential } from "@/lib/credentials/sharing";
import type { CredentialChoice } from "@/lib/credentials/kinds";

type Member = Awaited<ReturnType<typeof requireActionPermission>>;

/**
 * Every credential action: signed in with "credentials:create" (designers, admins); the service
 * then checks the right on the one credential. A refusal becomes a message; the list refreshes.
 */
async function guarded(run: (actor: Member) => Promise<CredentialResult>): Promise<CredentialResult> {
  try {
    const actor = await requireActionPermission("credentials:create");
    const result = await run(actor);
    if (result.ok) revalidatePath("/settings/credentials");
    return result;
  } catch (err) {
    if (err instanceof PermissionError) return { ok: false, message: err.message };
    throw err;
  }
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
  const id = form.get("id");
  return guarded((actor) =>
    typeof id === "string" && id !== "" ? updateCredential(actor, id, formInput(form)) : createCredential(actor, formInput(form)),
  );
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
  const parsed = z.enum(["action", "ai"]).safeParse(nodeType);
  const actor = await requireActionPermission("workflows:view");
  if (!can(actor, "workflows:create")) return { choices: [], canCreate: false };
  return { choices: await credentialChoices(actor, parsed.success ? parsed.data : "action"), canCreate: can(actor, "credentials:create") };
}
