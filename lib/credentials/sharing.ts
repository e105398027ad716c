import "server-only";
// Sharing a credential with users and roles: whoever manages it (its owner, admins) decides.
// Sharing grants use only (picking it in a step, runs started by them using it), never the
// right to see, change or re-share it.
import { isValidObjectId } from "mongoose";
import type { Actor } from "@/lib/auth/roles";
import { Credential } from "@/models/Credential";
import { User } from "@/models/User";
import { credentialSharingSchema } from "./kinds";
import { managedCredential, type CredentialResult } from "./service";

export async function shareCredential(actor: Actor, id: unknown, input: unknown): Promise<CredentialResult> {
  const doc = await managedCredential(actor, id);
  const parsed = credentialSharingSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: issue.message, errors: { [issue.path[0]?.toString() ?? "form"]: [issue.message] } };
  }
  const users = [...new Set(parsed.data.users)].filter((u) => isValidObjectId(u));
  const found = await User.find({ _id: { $in: users } }, { _id: 1 }).lean();
  if (found.length !== users.length) {
    const known = new Set(found.map((u) => String(u._id)));
    const missing = users.filter((u) => !known.has(u));
    return { ok: false, message: `Unknown user ${missing.join(", ")}: choose people from the list.`, errors: { users: ["Choose people from the list."] } };
  }
  const roles = [...new Set(parsed.data.roles)];
  await Credential.updateOne({ _id: doc._id }, { $set: { sharedUsers: users, sharedRoles: roles, lastEditor: actor.id } });
  const parts = [users.length ? `${users.length} ${users.length === 1 ? "person" : "people"}` : "", roles.length ? `the ${roles.join(", ")} role${roles.length === 1 ? "" : "s"}` : ""].filter(Boolean);
  return { ok: true, id: String(doc._id), message: parts.length ? `"${doc.name}" is shared with ${parts.join(" and ")}.` : `"${doc.name}" is no longer shared.` };
}

/** People a credential can be shared with: active users, by name and email (for the sharing form). */
export async function shareableUsers(): Promise<{ id: string; name: string; email: string }[]> {
  const users = await User.find({ active: true }, { name: 1, email: 1 }).lean();
  return users.map((u) => ({ id: String(u._id), name: u.name || u.email, email: u.email })).sort((a, b) => a.name.localeCompare(b.name));
}
