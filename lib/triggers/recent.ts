// The last firings of a trigger for the panel (models/TriggerRecent.ts says why it may lose a
// line under bursts, and why that is acceptable).
import { RECENT_FIRINGS, TriggerRecent } from "@/models/TriggerRecent";
import type { FiringView } from "./contract";

export async function recordFiring(triggerId: string, firing: { id: string; at: Date; runId: string | null; status: "started" | "refused"; reason?: string | null }): Promise<void> {
  await TriggerRecent.updateOne(
    { _id: triggerId },
    { $push: { firings: { $each: [{ ...firing, reason: firing.reason ?? null }], $position: 0, $slice: RECENT_FIRINGS } } },
    { upsert: true },
  ).catch((error: unknown) => {
    // Two first firings racing to create the document: the loser's line is dropped (display only).
    if ((error as { code?: number }).code !== 11000) throw error;
  });
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
