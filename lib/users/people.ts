// Who a user id is, for people reading a run, a task or the inbox. Pure: the batched read is in
// lib/users/names.ts. Data keeps the id (a run's output stays what the engine wrote); only what
// is shown swaps it for the person's name.

/** What a deactivated or deleted user reads as. */
export const FORMER_USER = "a former user";

const OBJECT_ID = /^[a-f0-9]{24}$/i;
// Keys whose value is meant to be a person (a human step's `by`, `decidedBy`, `assignee`, …):
// an id there that matches no active user is a former user, not some other kind of id.
const PERSON_KEY = /^(by|user|userId|assignee|owner|to|delegatedTo|approver)$|By$/;
// Enough for any run page; a value holding more ids than this is data, not people.
const MAX_IDS = 500;
const MAX_DEPTH = 12;

export function looksLikeUserId(value: unknown): value is string {
  return typeof value === "string" && OBJECT_ID.test(value);
}

/** The ids a value may name. `sure`: under a person key; `maybe`: any other string shaped like an id. */
export interface FoundIds {
  sure: Set<string>;
  maybe: Set<string>;
}

export function emptyIds(): FoundIds {
  return { sure: new Set(), maybe: new Set() };
}

/** Adds to `into` the user-id-shaped strings in `value` (walked to a bounded depth and count). */
export function userIdsIn(value: unknown, into: FoundIds = emptyIds(), key: string | null = null, depth = 0): FoundIds {
  if (into.sure.size + into.maybe.size >= MAX_IDS || depth > MAX_DEPTH) return into;
  if (looksLikeUserId(value)) {
    (key !== null && PERSON_KEY.test(key) ? into.sure : into.maybe).add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) userIdsIn(item, into, key, depth + 1);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) userIdsIn(v, into, k, depth + 1);
  }
  return into;
}

/** Marks ids as people for sure (a trigger's `by`, a task's assignee): missing ones read "a former user". */
export function addPeople(into: FoundIds, ids: Iterable<unknown>): FoundIds {
  for (const id of ids) if (looksLikeUserId(id)) into.sure.add(id.toLowerCase());
  return into;
}

export interface KnownUser {
  id: string;
  name: string | null | undefined;
  email?: string | null;
  active?: boolean | null;
}

/**
 * id → the name to show. Active users by name (their email when they have none); deactivated
 * users and ids under a person key that match nobody as "a former user"; other id-shaped strings
 * that match nobody are left out (they are ids of something else).
 */
export function peopleNames(found: FoundIds, users: readonly KnownUser[]): Record<string, string> {
  const out: Record<string, string> = {};
  const byId = new Map(users.map((u) => [u.id.toLowerCase(), u]));
  for (const id of [...found.sure, ...found.maybe]) {
    const user = byId.get(id);
    if (user) out[id] = user.active === false ? FORMER_USER : user.name?.trim() || user.email || FORMER_USER;
    else if (found.sure.has(id)) out[id] = FORMER_USER;
  }
  return out;
}

/** The name for one id, given a map from peopleNames; a value that is not a known id is shown as it is. */
export function personName(id: string | null | undefined, people: Record<string, string>): string | null {
  if (!id) return null;
  return people[id.toLowerCase()] ?? (looksLikeUserId(id) ? FORMER_USER : id);
}
