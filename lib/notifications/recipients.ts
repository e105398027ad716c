// Who a notification goes to: user ids, email addresses and "role:<name>" (every active user
// with that role). The users collection is small, so each kind is one read.
import "server-only";
import { isValidObjectId } from "mongoose";
import { isRole, type Role } from "@/lib/auth/roles";
import { User } from "@/models/User";

export interface Person {
  id: string;
  email: string;
  name: string;
}

export interface Recipients {
  /** Active users, once each. */
  users: Person[];
  /** Addresses that belong to no user. */
  outsiders: string[];
  /** Entries that could not be used, with why. */
  refused: { to: string; error: string }[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function resolveRecipients(entries: readonly string[]): Promise<Recipients> {
  const ids: string[] = [];
  const emails: string[] = [];
  const roles: Role[] = [];
  const refused: { to: string; error: string }[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === "") continue;
    if (entry.toLowerCase().startsWith("role:")) {
      const role = entry.slice(5).trim().toLowerCase();
      if (isRole(role)) roles.push(role);
      else refused.push({ to: entry, error: "no such role (admin, designer, approver, manager)" });
    }
    else if (EMAIL.test(entry)) emails.push(entry.toLowerCase());
    else if (isValidObjectId(entry) && /^[a-f0-9]{24}$/i.test(entry)) ids.push(entry);
    else refused.push({ to: entry, error: "not a user id, an email address or role:<name>" });
  }
  const found = new Map<string, Person & { active: boolean }>();
  const remember = (u: { _id: unknown; email: string; name: string; active: boolean }) =>
    found.set(String(u._id), { id: String(u._id), email: u.email, name: u.name, active: u.active });
  const projection = { email: 1, name: 1, active: 1 };
  if (ids.length) (await User.find({ _id: { $in: ids } }, projection).lean()).forEach(remember);
  if (emails.length) (await User.find({ email: { $in: emails } }, projection).lean()).forEach(remember);
  if (roles.length) (await User.find({ roles: { $in: roles }, active: true }, projection).lean()).forEach(remember);

  for (const id of ids) {
    const user = found.get(id);
    if (!user) refused.push({ to: id, error: "no user has this id" });
    else if (!user.active) refused.push({ to: id, error: "this user is deactivated" });
  }
  const byEmail = new Map([...found.values()].map((u) => [u.email, u]));
  const outsiders = [...new Set(emails.filter((e) => !byEmail.has(e)))];
  for (const email of emails) if (byEmail.get(email)?.active === false) refused.push({ to: email, error: "this user is deactivated" });
  const users = [...found.values()].filter((u) => u.active).map(({ id, email, name }) => ({ id, email, name }));
  return { users, outsiders, refused };
}
