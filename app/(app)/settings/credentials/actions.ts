"use server";

import { revalidatePath } from "next/cache";
import { requireActionPermission, PermissionError } from "@/lib/auth/session";
import { createCredential, credentialChoices, deleteCredential, updateCredential, type CredentialResult } from "@/lib/credentials/service";

type Admin = Awaited<ReturnType<typeof requireActionPermission>>;

/** Checks the permission inside the action, turns a refusal into a message, refreshes the list. */
async function asAdmin(run: (actor: Admin) => Promise<CredentialResult>): Promise<CredentialResult> {
  try {
    const actor = await requireActionPermission("credentials:manage");
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
  return asAdmin((actor) =>
    typeof id === "string" && id !== "" ? updateCredential(actor, id, formInput(form)) : createCredential(actor, formInput(form)),
  );
}

export async function deleteCredentialAction(id: string): Promise<CredentialResult> {
  return asAdmin((actor) => deleteCredential(actor, id));
}

/** For the HTTP and AI steps' credential picker: names and types only, never a secret. */
export async function credentialChoicesAction(): Promise<{ id: string; name: string; type: string }[]> {
  const actor = await requireActionPermission("workflows:create");
  return credentialChoices(actor);
}
