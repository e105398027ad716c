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

/** Every workflow's figures for the days from `from` to `to` (both included). */
export async function readDays(from: string, to: string): Promise<DayRow[]> {
  const docs = await DailyRollup.find({ day: { $gte: from, $lte: to } }, { day: 1, workflows: 1 }).lean<DailyRollupDoc[]>();
  return docs.flatMap((d) => unpackDay(d).map((w) => ({ workflowId: w.workflowId, day: d.day, stats: w.stats })));
}
