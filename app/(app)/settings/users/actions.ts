"use server";
// Server actions of the users page (admins). Each runs in the one action guard, which checks
// "users:manage"; the service parses the input with zod and answers field errors.

import { revalidatePath } from "next/cache";
import { guardAction, parseArgument } from "@/lib/auth/action-guard";
import type { CurrentUser } from "@/lib/auth/session";
import { formDataSchema } from "@/lib/http/form-data";
import { createUser, resetUserPassword, setUserActive, updateUserRoles, type ResetPasswordResult } from "@/lib/users/service";
import type { ActionResult } from "@/lib/users/schema";

/** Runs an admin action and refreshes the list after a change that succeeded. */
async function asAdmin<R extends ActionResult>(run: (actor: CurrentUser) => Promise<R>): Promise<R | ActionResult> {
  const result = await guardAction("users:manage", run, "users");
  if (result.ok) revalidatePath("/settings/users");
  return result;
}

export async function createUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return asAdmin(async (actor) => {
    const parsed = parseArgument(formDataSchema, form, "Creating the user");
    if (!parsed.ok) return parsed;
    return createUser(actor, {
      email: parsed.data.get("email"),
      name: parsed.data.get("name"),
      password: parsed.data.get("password"),
      roles: parsed.data.getAll("roles"),
    });
  });
}

export async function updateRolesAction(userId: string, roles: string[]): Promise<ActionResult> {
  return asAdmin((actor) => updateUserRoles(actor, { userId, roles }));
}

export async function setActiveAction(userId: string, active: boolean): Promise<ActionResult> {
  return asAdmin((actor) => setUserActive(actor, { userId, active }));
}

/** A new random password for the user, in the answer only: the dialog shows it once. */
export async function resetPasswordAction(userId: string): Promise<ResetPasswordResult | ActionResult> {
  return asAdmin((actor) => resetUserPassword(actor, { userId }));
}
