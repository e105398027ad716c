"use server";
// Server actions of "Your account". Each runs in the one action guard with "account:edit"
// (every signed-in user); the service parses the input with zod and answers field errors.

import { revalidatePath } from "next/cache";
import { guardAction } from "@/lib/auth/action-guard";
import { changeOwnPassword, updateOwnName } from "@/lib/users/account";
import type { ActionResult } from "@/lib/users/schema";

export async function updateNameAction(input: unknown): Promise<ActionResult> {
  const result = await guardAction("account:edit", (actor) => updateOwnName(actor, input), "account");
  // The name shows in the header of every page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/**
 * No revalidation here: the change ends this browser's session too, so a page rendered with this
 * response would be a sign-in redirect. The form signs in again with the new password, then refreshes.
 */
export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  return guardAction("account:edit", (actor, request) => changeOwnPassword(actor, input, request.ipAddress), "account");
}
