// The last firings of a trigger for the panel (models/TriggerRecent.ts says why it may lose a
// line under bursts, and why that is acceptable).
import { RECENT_FIRINGS, TriggerRecent } from "@/models/TriggerRecent";
import type { FiringView } from "./contract";

type Firing = { id: string; at: Date; runId: string | null; status: "started" | "refused"; reason?: string | null };

interface Lane {
  /** Lines for the next update; null once that update has begun. */
  queued: Firing[] | null;
  /** That update's end. */
  done: Promise<void>;
}

/** Per trigger, the update waiting behind the one in flight: a burst of firings becomes a few updates, not one each. */
const lanes = new Map<string, Lane>();

async function pushLines(triggerId: string, lines: Firing[]): Promise<void> {
  const newestFirst = [...lines].reverse().map((f) => ({ ...f, reason: f.reason ?? null }));
  await TriggerRecent.updateOne({ _id: triggerId }, { $push: { firings: { $each: newestFirst, $position: 0, $slice: RECENT_FIRINGS } } }, { upsert: true }).catch((error: unknown) => {
    // Two first firings racing to create the document: the loser's lines are dropped (display only).
    if ((error as { code?: number }).code !== 11000) throw error;
  });
}

/** Adds the firing to the trigger's recent lines; resolves once it is written (with the others that waited). */
export function recordFiring(triggerId: string, firing: Firing): Promise<void> {
  const lane = lanes.get(triggerId);
  if (lane?.queued) {
    lane.queued.push(firing);
    return lane.done;
  }
  const next: Lane = { queued: [firing], done: Promise.resolve() };
  next.done = (lane?.done ?? Promise.resolve())
    .catch(() => {}) // the update before failed for its own callers
    .then(() => {
      const lines = next.queued!;
      next.queued = null;
      return pushLines(triggerId, lines);
    })
    .finally(() => {
      if (lanes.get(triggerId) === next) lanes.delete(triggerId);
    });
  lanes.set(triggerId, next);
  return next.done;
}

export async function recentFirings(triggerIds: string[]): Promise<Map<string, FiringView[]>> {
  if (triggerIds.length === 0) return new Map();
  const docs = await TriggerRecent.find({ _id: { $in: triggerIds } }).lean();
  return new Map(
    docs.map((d) => [
      d._id,
      (d.firings ?? [])
        .map((f) => ({ id: f.id ?? "", at: f.at ? new Date(f.at).toISOString() : "", runId: f.runId ?? null, status: (f.status ?? "started") as FiringView["status"], reason: f.reason ?? null }))
        .sort((a, b) => b.at.localeCompare(a.at))
        // A start repeated after a crash or by a second worker may record its firing twice.
        .filter((f, i, all) => all.findIndex((g) => g.id === f.id) === i),
    ]),
  );
}
