import "server-only";
import { can, type Actor } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import { randomPassword } from "@/lib/users/random-password";
import { PermissionError } from "@/lib/auth/errors";
import { User } from "@/models/User";
import {
  createUserSchema,
  fieldErrors,
  resetPasswordSchema,
  setActiveSchema,
  updateRolesSchema,
  type ActionResult,
} from "@/lib/users/schema";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: string[];
  active: boolean;
  createdAt: string;
  /** ISO time of their last sign-in; null when they never signed in. */
  lastSignInAt: string | null;
  /** An admin reset their password and they have not chosen their own yet. */
  mustChangePassword: boolean;
}

function assertAdmin(actor: Actor) {
  if (!can(actor, "users:manage")) throw new PermissionError();
}

export async function listUsers(actor: Actor): Promise<UserRow[]> {
  assertAdmin(actor);
  // The users collection stays small; one read, sorted in memory.
  const users = await User.find({}, { passwordHash: 0, apiKeys: 0 }).lean();
  return users
    .map((u) => ({
      id: String(u._id),
      email: u.email,
      name: u.name,
      roles: u.roles ?? [],
      active: u.active,
      createdAt: (u as { createdAt?: Date }).createdAt?.toISOString() ?? "",
      lastSignInAt: u.lastSignInAt ? new Date(u.lastSignInAt).toISOString() : null,
      mustChangePassword: Boolean(u.mustChangePassword),
    }))
    .sort((a, b) => a.email.localeCompare(b.email));
}

export async function createUser(actor: Actor, input: unknown): Promise<ActionResult> {
  assertAdmin(actor);
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: "Check the highlighted fields." };
  const { email, name, password, roles } = parsed.data;
  try {
    await User.create({ email, name, roles, passwordHash: await hashPassword(password), active: true });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      return { ok: false, errors: { email: ["A user with this email already exists."] } };
    }
    throw err;
  }
  return { ok: true, message: `Created ${email}.` };
}

export async function updateUserRoles(actor: Actor, input: unknown): Promise<ActionResult> {
  assertAdmin(actor);
  const parsed = updateRolesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: parsed.error.issues[0].message };
  const { userId, roles } = parsed.data;
  if (userId === actor.id && !roles.includes("admin")) {
    return { ok: false, errors: { roles: ["You cannot remove your own admin role."] }, message: "You cannot remove your own admin role." };
  }
  const res = await User.updateOne({ _id: userId }, { $set: { roles } });
  if (res.matchedCount === 0) return { ok: false, message: "That user no longer exists." };
  return { ok: true, message: "Roles saved." };
}

export async function setUserActive(actor: Actor, input: unknown): Promise<ActionResult> {
  assertAdmin(actor);
  const parsed = setActiveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  const { userId, active } = parsed.data;
  if (userId === actor.id && !active) return { ok: false, message: "You cannot deactivate your own account." };
  const res = await User.updateOne({ _id: userId }, { $set: { active } });
  if (res.matchedCount === 0) return { ok: false, message: "That user no longer exists." };
  return { ok: true, message: active ? "User reactivated." : "User deactivated; their sessions have ended." };
}

export type ResetPasswordResult = (ActionResult & { ok: false }) | { ok: true; message: string; password: string };

/**
 * Gives the user a new random password, returned once for the admin to pass on; only its hash is
 * stored. Their sessions end (passwordChangedAt) and they are asked to choose their own
 * (mustChangePassword) until they do. An admin changes their own under "Your account".
 */
export async function resetUserPassword(actor: Actor, input: unknown): Promise<ResetPasswordResult> {
  assertAdmin(actor);
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  const { userId } = parsed.data;
  if (userId === actor.id) return { ok: false, message: "Change your own password under Your account, where your current password is asked." };
  const password = randomPassword();
  const res = await User.updateOne(
    { _id: userId },
    { $set: { passwordHash: await hashPassword(password), passwordChangedAt: new Date(), mustChangePassword: true } },
  );
  if (res.matchedCount === 0) return { ok: false, message: "That user no longer exists." };
  return { ok: true, message: "Password reset; they were signed out everywhere.", password };
}
