// Reading and writing day documents (models/DailyRollup.ts): the figures are packed.
import { pack, unpack } from "@/lib/runtime/codec";
import { DailyRollup, type DailyRollupDoc } from "@/models/DailyRollup";
import type { DayStats, WorkflowDay } from "./stats";

export interface DayRow {
  workflowId: string;
  day: string;
  stats: DayStats;
}

export const packDay = (workflows: readonly WorkflowDay[]) => pack(workflows);
export const unpackDay = (doc: Pick<DailyRollupDoc, "workflows">) => unpack<WorkflowDay[]>(doc.workflows as unknown as Buffer);
export const packStats = (stats: DayStats) => pack(stats);
export const unpackStats = (data: unknown) => unpack<DayStats>(data as Buffer);

// Unpacked days by _id, with the fold version they were read at. A past day rarely changes, and
// reading only days' versions costs the embedded database about a third of reading them whole
// (scripts/bench-dashboard.ts), so a dashboard view reads versions and fetches changed days only.
const cache = new Map<string, { v: number; workflows: WorkflowDay[] }>();
const CACHE_DAYS = 800;

const rowsOf = (day: string, workflows: readonly WorkflowDay[]): DayRow[] => workflows.map((w) => ({ workflowId: w.workflowId, day, stats: w.stats }));

/** Every workflow's figures for the days from `from` to `to` (both included); `cache: false` reads them all afresh. */
export async function readDays(from: string, to: string, options: { cache?: boolean } = {}): Promise<DayRow[]> {
  const range = { day: { $gte: from, $lte: to } };
  if (options.cache === false) {
    const docs = await DailyRollup.find(range, { day: 1, workflows: 1 }).lean<DailyRollupDoc[]>();
    return docs.flatMap((d) => rowsOf(d.day, unpackDay(d)));
  }
  const heads = await DailyRollup.find(range, { day: 1, v: 1 }).lean<Pick<DailyRollupDoc, "_id" | "day" | "v">[]>();
  const stale = heads.filter((h) => cache.get(h._id)?.v !== h.v).map((h) => h._id);
  if (stale.length > 0) {
    const query = stale.length < heads.length ? { _id: { $in: stale } } : range;
    for (const d of await DailyRollup.find(query, { day: 1, v: 1, workflows: 1 }).lean<DailyRollupDoc[]>()) {
      if (cache.size >= CACHE_DAYS) cache.delete(cache.keys().next().value!);
      cache.set(d._id, { v: d.v, workflows: unpackDay(d) });
    }
  }
  return heads.flatMap((h) => rowsOf(h.day, cache.get(h._id)?.workflows ?? []));
}
