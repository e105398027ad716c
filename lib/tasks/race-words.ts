// What the loser of a race on a task is told: who won, what they did and when, in words
// ("Avery Approver approved this task 2 minutes ago (22 Nov 2026, 13:42:05 UTC)"). Pure: the
// caller reads the winning record (a task closure or a task change) and the winner's name.
import { formatMoment } from "@/lib/format/run-format";
import { relativeTime } from "@/lib/format/relative-time";

export interface Winner {
  /** What they did, as a past-tense verb: "approved", "claimed", "delegated". */
  did: string;
  /** The person's name; null when no person did it (the run cancelled the task). */
  name: string | null;
  at: Date | string | null | undefined;
}

/** The verb for a closure: a completion says its decision. */
export function closureVerb(kind: string, output: unknown): string {
  if (kind === "cancelled") return "cancelled";
  return (output as { decision?: string } | null)?.decision === "reject" ? "rejected" : "approved";
}

function when(at: Winner["at"], now: Date): string {
  if (at == null) return "";
  const iso = new Date(at).toISOString();
  const ago = relativeTime(iso, now);
  return ago ? ` ${ago} (${formatMoment(iso)})` : ` at ${formatMoment(iso)}`;
}

/** "Avery Approver approved this task 2 minutes ago (22 Nov 2026, 13:42:05 UTC)" — no full stop. */
export function winnerWords(winner: Winner, now: Date = new Date()): string {
  if (!winner.name) return `This task was ${winner.did}${when(winner.at, now)}`;
  // The name starts the sentence: "A former user approved…".
  return `${winner.name[0].toUpperCase()}${winner.name.slice(1)} ${winner.did} this task${when(winner.at, now)}`;
}

/** The whole message for an action that lost: "<winner words>. Your <action> was not applied." */
export function lostRace(winner: Winner, attempted: string, now: Date = new Date()): string {
  return `${winnerWords(winner, now)}, so your ${attempted} was not applied.`;
}

/** The whole message for an action on a task that was already closed. */
export function alreadyClosed(winner: Winner, now: Date = new Date()): string {
  return `${winnerWords(winner, now)}. Nothing was changed.`;
}

/** Someone else holds an open task: "Mia holds this task (claimed 2 minutes ago, 22 Nov 2026, 11:58:00 UTC). Nothing was changed." */
export function heldByOther(name: string, claimedAt: Date | string | null | undefined, now: Date = new Date()): string {
  const since = claimedAt == null ? "" : ` (claimed${when(claimedAt, now).replace(" (", ", ").replace(/\)$/, "")})`;
  return `${name[0].toUpperCase()}${name.slice(1)} holds this task${since}. Nothing was changed.`;
}
