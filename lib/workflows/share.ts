import "server-only";
// Who may see and change a workflow. People are named by email (or id); each must be an
// active user, and only roles that may edit workflows can be editors or owners.
import { isValidObjectId } from "mongoose";
import { can, isRole, type Actor } from "@/lib/auth/roles";
import { User } from "@/models/User";
import { Workflow } from "@/models/Workflow";
import type { Outcome } from "./contract";
import { fieldErrors } from "./refusals";
import { shareSchema } from "./schema";
import { authorizedWorkflow } from "./store";

type Place = "owners" | "editors" | "viewers";
const PLACES: Place[] = ["owners", "editors", "viewers"];

interface Found {
  id: string;
  email: string;
  active: boolean;
  canEdit: boolean;
}

async function findPeople(refs: string[]): Promise<{ byRef: (ref: string) => Found | undefined }> {
  const ids = refs.filter((r) => isValidObjectId(r) && /^[a-f0-9]{24}$/i.test(r));
  const emails = refs.map((r) => r.toLowerCase());
  // The users collection is small: one read for everyone named.
  const users = await User.find({ $or: [{ _id: { $in: ids } }, { email: { $in: emails } }] }, { email: 1, roles: 1, active: 1 }).lean();
  const found = users.map((u) => {
    const actor = { id: String(u._id), roles: (u.roles ?? []).filter(isRole), active: u.active };
    return { id: actor.id, email: u.email, active: u.active, canEdit: can(actor, "workflows:create") };
  });
  return { byRef: (ref) => found.find((f) => f.id === ref || f.email === ref.toLowerCase()) };
}

export async function shareWorkflow(actor: Actor, input: unknown): Promise<Outcome> {
  const parsed = shareSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, errors: fieldErrors(parsed.error) };
  const { id, isPublic } = parsed.data;
  const doc = await authorizedWorkflow(actor, id, "workflow:share");

  const { byRef } = await findPeople(PLACES.flatMap((p) => parsed.data[p]));
  const errors: Partial<Record<Place, string[]>> = {};
  const placed = new Map<string, Place>(); // a person named twice keeps the higher place
  for (const place of PLACES) {
    for (const ref of parsed.data[place]) {
      const person = byRef(ref);
      const fail = (message: string) => (errors[place] ??= []).push(message);
      if (!person) fail(`No user has the email "${ref}".`);
      else if (!person.active) fail(`${person.email} is deactivated; reactivate them or leave them out.`);
      else if (place !== "viewers" && !person.canEdit) {
        fail(`${person.email} can only view workflows (their roles do not include designer); add them as a viewer.`);
      } else if (!placed.has(person.id)) placed.set(person.id, place);
    }
  }
  const ids = (place: Place) => [...placed].filter(([, p]) => p === place).map(([uid]) => uid);
  if (ids("owners").length === 0 && !errors.owners) errors.owners = ["Keep at least one owner."];
  if (Object.keys(errors).length > 0) {
    const first = Object.values(errors).flat()[0]!;
    return { ok: false, message: first, errors };
  }

  const permissions = { owners: ids("owners"), editors: ids("editors"), viewers: ids("viewers"), isPublic: isPublic ?? Boolean(doc.permissions?.isPublic) };
  await Workflow.updateOne({ _id: id }, { $set: { permissions } });
  return { ok: true, message: `Sharing of "${doc.name}" saved.` };
}
