import "server-only";
// The one batched read behind every name shown in place of a user id (run pages, task pages,
// race messages): one `_id $in` find, so a page costs one query however many ids it shows.
import { User } from "@/models/User";
import { addPeople, emptyIds, peopleNames, type FoundIds } from "./people";

/** Names for the ids found in a run's or task's data (see userIdsIn) and for known people. */
export async function readPeople(found: FoundIds): Promise<Record<string, string>> {
  const ids = [...new Set([...found.sure, ...found.maybe])];
  if (ids.length === 0) return {};
  const users = await User.find({ _id: { $in: ids } }, { name: 1, email: 1, active: 1 }).lean();
  return peopleNames(found, users.map((u) => ({ id: String(u._id), name: u.name, email: u.email, active: u.active })));
}

/** Names for ids that are people for sure (an assignee, who started a run). */
export function namesOf(ids: Iterable<unknown>): Promise<Record<string, string>> {
  return readPeople(addPeople(emptyIds(), ids));
}
