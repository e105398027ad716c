import "server-only";
// Your own account: your name and your password. Every signed-in user may change both
// ("account:edit"); the action guard checks that, and so does each function here, because a
// service is also called from tests and other code.
import { can, type Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { admitLoginAttempt, recordLoginFailure, recordLoginSuccess, releaseTicket } from "@/lib/auth/rate-limit";
import { User } from "@/models/User";
import { changePasswordSchema, fieldErrors, updateNameSchema, type ActionResult } from "@/lib/users/schema";

export const WRONG_CURRENT_PASSWORD = "That is not your current password.";
const GONE = "Your account no longer exists.";

function assertOwnAccount(actor: Actor) {
  if (!can(actor, "account:edit")) throw new PermissionError();
}

export async function updateOwnName(actor: Actor, input: unknown): Promise<ActionResult> {
  assertOwnAccount(actor);
  const parsed = updateNameSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: "Check the highlighted field." };
  const res = await User.updateOne({ _id: actor.id }, { $set: { name: parsed.data.name } });
  if (res.matchedCount === 0) return { ok: false, message: GONE };
  return { ok: true, message: "Your name is saved." };
}

/**
 * Checks the current password under the sign-in throttle (lib/auth/rate-limit.ts), so an open
 * session cannot be used to guess it faster than the sign-in page allows, then stores the new
 * one. `passwordChangedAt` ends every session signed in before now (lib/auth/password-change.ts);
 * the browser that asked signs in again with the new password to stay signed in.
 */
export async function changeOwnPassword(actor: Actor, input: unknown, ip: string | null = null): Promise<ActionResult> {
  assertOwnAccount(actor);
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: "Check the highlighted fields." };
  const { currentPassword, newPassword } = parsed.data;
  const user = await User.findById(actor.id, { email: 1, passwordHash: 1 }).lean();
  if (!user) return { ok: false, message: GONE };

  const admission = await admitLoginAttempt(user.email, ip);
  if (!admission.ok) return { ok: false, errors: { currentPassword: [admission.message] }, message: admission.message };
  let ok;
  try {
    ok = await verifyPassword(user.passwordHash, currentPassword);
  } catch (err) {
    await releaseTicket(admission.ticket);
    throw err;
  }
  if (!ok) {
    await recordLoginFailure(admission.ticket);
    return { ok: false, errors: { currentPassword: [WRONG_CURRENT_PASSWORD] }, message: WRONG_CURRENT_PASSWORD };
  }
  await recordLoginSuccess(admission.ticket);
  await User.updateOne(
    { _id: actor.id },
    { $set: { passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date(), mustChangePassword: false } },
  );
  return { ok: true, message: "Your password is changed. You were signed out everywhere else." };
}
