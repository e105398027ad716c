import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { isValidObjectId } from "mongoose";
import { authOptions, type SessionUser } from "@/lib/auth/options";
import { sessionEndedByPasswordChange } from "@/lib/auth/password-change";
import { can, isRole, type Actor, type Permission, type Role } from "@/lib/auth/roles";
import { connectDb } from "@/lib/db/connect";
import { User } from "@/models/User";
import { PermissionError } from "@/lib/auth/errors";

export { PermissionError };

export interface CurrentUser extends Actor {
  email: string;
  name: string;
  /** An admin reset their password: the app asks them to choose their own. */
  mustChangePassword?: boolean;
}

type SessionState = { user: CurrentUser } | { user: null; reason: "signed-out" | "deactivated" | "password-changed" };

/** The session's user, read fresh from the database once per request (by _id: the fast path). */
const readSession = cache(async (): Promise<SessionState> => {
  await connection(); // per-request data: never prerender a page that reads the session
  const session = await getServerSession(authOptions());
  const sessionUser = session?.user as SessionUser | undefined;
  const id = sessionUser?.id;
  if (!id || !isValidObjectId(id)) return { user: null, reason: "signed-out" };
  await connectDb();
  const user = await User.findById(id).lean();
  if (!user) return { user: null, reason: "signed-out" };
  if (!user.active) return { user: null, reason: "deactivated" };
  if (sessionEndedByPasswordChange(sessionUser.signedInAt, user.passwordChangedAt)) return { user: null, reason: "password-changed" };
  return { user: {
    id: String(user._id),
    email: user.email,
    name: user.name,
    roles: (user.roles ?? []).filter(isRole) as Role[],
    active: user.active,
    mustChangePassword: Boolean(user.mustChangePassword),
  } };
});

/** The signed-in, active user, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  return (await readSession()).user;
}

/** For pages: sends a signed-out or deactivated user to sign in, and shows 403 without the permission. */
export async function requirePagePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireSignedIn();
  if (!can(user, permission)) forbidden();
  return user;
}

export async function requireSignedIn(): Promise<CurrentUser> {
  const state = await readSession();
  if (!state.user) redirect(`/login?reason=${state.reason}`);
  return state.user;
}


/** For server actions and route handlers: throws PermissionError instead of redirecting. */
export async function requireActionPermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new PermissionError("Your session has ended. Sign in again.");
  if (!can(user, permission)) throw new PermissionError();
  return user;
}
