"use server";
// Creating and revoking one's own API keys. Each action checks the session (settings:view
// through can(), in lib/api-keys/service.ts) and validates its input with zod.
import { revalidatePath } from "next/cache";
import { PermissionError, requireActionPermission } from "@/lib/auth/session";
import { connectDb } from "@/lib/db/connect";
import type { CreateKeyResult, RevokeKeyResult } from "@/lib/api-keys/contract";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";

async function asKeyHolder<T extends { ok: boolean; message: string }>(run: (actor: Awaited<ReturnType<typeof requireActionPermission>>) => Promise<T>): Promise<T | { ok: false; message: string }> {
  try {
    const actor = await requireActionPermission("settings:view");
    await connectDb();
    const result = await run(actor);
    if (result.ok) revalidatePath("/settings/api-keys");
    return result;
  } catch (err) {
    if (err instanceof PermissionError) return { ok: false, message: err.message };
    throw err;
  }
}

export async function createApiKeyAction(_prev: CreateKeyResult | null, form: FormData): Promise<CreateKeyResult> {
  return asKeyHolder((actor) => createApiKey(actor, { name: form.get("name"), expiresIn: form.get("expiresIn") ?? undefined }));
}

export async function revokeApiKeyAction(id: string): Promise<RevokeKeyResult> {
  return asKeyHolder((actor) => revokeApiKey(actor, id));
}
