// Actors and users for the workflow integration tests. Test-only, kept out of *.test.ts so
// several test files can share it.
import { Types } from "mongoose";
import type { Actor, Role } from "@/lib/auth/roles";
import { User } from "@/models/User";

export function actor(roles: Role[], active = true): Actor {
  return { id: new Types.ObjectId().toString(), roles, active };
}

/** A stored user (so sharing by email finds it) and the Actor the session would give. */
export async function person(email: string, roles: Role[], active = true): Promise<Actor & { email: string }> {
  const user = await User.create({ email, name: email.split("@")[0], passwordHash: "x", roles, active });
  return { id: String(user._id), roles, active, email };
}
