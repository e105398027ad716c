"use server";
// Server actions of the users page (admins). Each runs in the one action guard, which checks
// "users:manage"; the service parses the input with zod and answers field errors.

import { revalidatePath } from "next/cache";
import { guardAction, parseArgument } from "@/lib/auth/action-guard";
import type { CurrentUser } from "@/lib/auth/session";
import { formDataSchema } from "@/lib/http/form-data";
import { createUser, setUserActive, updateUserRoles } from "@/lib/users/service";
import type { ActionResult } from "@/lib/users/schema";

/** Runs an admin action and refreshes the list after a change that succeeded. */
async function asAdmin(run: (actor: CurrentUser) => Promise<ActionResult>): Promise<ActionResult> {
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
