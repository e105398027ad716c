// The last firings of a trigger for the panel (models/TriggerRecent.ts says why it may lose a
// line under bursts, and why that is acceptable).
import { RECENT_FIRINGS, TriggerRecent } from "@/models/TriggerRecent";
import type { FiringView } from "./contract";

type Firing = { id: string; at: Date; runId: string | null; status: "started" | "refused"; reason?: string | null };

/** Lines waiting for the trigger's update in flight: a burst of deliveries becomes a few updates, not one each. */
const waiting = new Map<string, { lines: Firing[]; done: Promise<void> }>();
const writing = new Set<string>();

async function pushLines(triggerId: string, lines: Firing[]): Promise<void> {
  const newestFirst = [...lines].reverse().map((f) => ({ ...f, reason: f.reason ?? null }));
  await TriggerRecent.updateOne({ _id: triggerId }, { $push: { firings: { $each: newestFirst, $position: 0, $slice: RECENT_FIRINGS } } }, { upsert: true }).catch((error: unknown) => {
    // Two first firings racing to create the document: the loser's lines are dropped (display only).
    if ((error as { code?: number }).code !== 11000) throw error;
  });
}

/** Adds the firing to the trigger's recent lines; resolves once it is written (with the others that waited). */
export function recordFiring(triggerId: string, firing: Firing): Promise<void> {
  const queued = waiting.get(triggerId);
  if (queued) {
    queued.lines.push(firing);
    return queued.done;
  }
  if (!writing.has(triggerId)) return write(triggerId, [firing]);
  const lines = [firing];
  const done = new Promise<void>((resolve, reject) => {
    const next = () => {
      waiting.delete(triggerId);
      write(triggerId, lines).then(resolve, reject);
    };
    pending.set(triggerId, next);
  });
  waiting.set(triggerId, { lines, done });
  return done;
}

/** The write that goes once the trigger's update in flight is done. */
const pending = new Map<string, () => void>();

async function write(triggerId: string, lines: Firing[]): Promise<void> {
  writing.add(triggerId);
  try {
    await pushLines(triggerId, lines);
  } finally {
    writing.delete(triggerId);
    const next = pending.get(triggerId);
    pending.delete(triggerId);
    next?.();
  }
}

export async function recentFirings(triggerIds: string[]): Promise<Map<string, FiringView[]>> {
  if (triggerIds.length === 0) return new Map();
  const docs = await TriggerRecent.find({ _id: { $in: triggerIds } }).lean();
  return new Map(
    docs.map((d) => [
      d._id,
      (d.firings ?? [])
        .map((f) => ({ id: f.id ?? "", at: f.at ? new Date(f.at).toISOString() : "", runId: f.runId ?? null, status: (f.status ?? "started") as FiringView["status"], reason: f.reason ?? null }))
        .sort((a, b) => b.at.localeCompare(a.at)),
    ]),
  );
}
