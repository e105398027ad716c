"use server";

import { revalidatePath } from "next/cache";
import { requireActionPermission, PermissionError } from "@/lib/auth/session";
import { createUser, setUserActive, updateUserRoles } from "@/lib/users/service";
import type { ActionResult } from "@/lib/users/schema";

/** Runs an admin action: checks the permission, turns a refusal into a message, refreshes the list. */
async function asAdmin(run: (actor: Awaited<ReturnType<typeof requireActionPermission>>) => Promise<ActionResult>): Promise<ActionResult> {
  try {
    const actor = await requireActionPermission("users:manage");
    const result = await run(actor);
    if (result.ok) revalidatePath("/settings/users");
    return result;
  } catch (err) {
    if (err instanceof PermissionError) return { ok: false, message: err.message };
    throw err;
  }
}

export async function createUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return asAdmin((actor) =>
    createUser(actor, {
      email: form.get("email"),
      name: form.get("name"),
      password: form.get("password"),
      roles: form.getAll("roles"),
    }),
  );
}

export async function updateRolesAction(userId: string, roles: string[]): Promise<ActionResult> {
  return asAdmin((actor) => updateUserRoles(actor, { userId, roles }));
}

export async function setActiveAction(userId: string, active: boolean): Promise<ActionResult> {
  return asAdmin((actor) => setUserActive(actor, { userId, active }));
}
