import "server-only";
// Who a run, a trigger or an API key acts as: the user behind it, read fresh by _id so a
// deactivated user or a removed role stops their schedules, webhooks and keys at once.
import { isValidObjectId } from "mongoose";
import { isRole, type Actor, type Role } from "@/lib/auth/roles";
import { User } from "@/models/User";

/** An Actor with the email and name the inbox matches tasks by (a task may name its assignee by email). */
export interface LoadedActor extends Actor {
  email: string;
  name: string;
}

/** The user as an Actor for can(); null when the id is not a user's (or the user is gone). */
export async function loadActor(userId: string | null | undefined): Promise<LoadedActor | null> {
  if (!userId || !isValidObjectId(userId)) return null;
  const user = await User.findById(userId, { roles: 1, active: 1, email: 1, name: 1 }).lean();
  if (!user) return null;
  return { id: String(user._id), roles: (user.roles ?? []).filter(isRole) as Role[], active: Boolean(user.active), email: user.email, name: user.name };
}
