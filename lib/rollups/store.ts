// Reading and writing day documents (models/DailyRollup.ts) and their versions
// (models/RollupHead.ts). The figures are plain fields; this module turns them back into
// DayStats and keeps the days a process has read, by version, so a dashboard view reads only
// the days that changed (the embedded database converts every value it returns: see the model).
import { DailyRollup, type DailyRollupDoc } from "@/models/DailyRollup";
import { RollupHead } from "@/models/RollupHead";
import type { Histogram } from "./histogram";
import { emptyStats, type DayStats, type WorkflowDay } from "./stats";

export interface DayRow {
  workflowId: string;
  day: string;
  stats: DayStats;
}

type Stored = Record<string, unknown> | null | undefined;

const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : 0);
const str = (x: unknown) => (typeof x === "string" ? x : "");
const list = (x: unknown): Record<string, unknown>[] => (Array.isArray(x) ? (x as Record<string, unknown>[]) : []);

function histogramOf(x: unknown): Histogram {
  const h = (x ?? {}) as { o?: unknown; c?: unknown };
  return { o: num(h.o), c: Array.isArray(h.c) ? h.c.map(num) : [] };
}

/** Stored figures → DayStats: exactly the known fields (a lean read also carries workflowId). */
export function statsOf(doc: Stored): DayStats {
  if (!doc) return emptyStats();
  return {
    runs: num(doc.runs), completed: num(doc.completed), failed: num(doc.failed), cancelled: num(doc.cancelled),
    durationMs: num(doc.durationMs), durations: histogramOf(doc.durations),
    costNanos: num(doc.costNanos), tokens: num(doc.tokens), aiCalls: num(doc.aiCalls),
    models: list(doc.models).map((m) => ({ provider: str(m.provider), model: str(m.model), calls: num(m.calls), tokens: num(m.tokens), costNanos: num(m.costNanos) })),
    tasksCreated: num(doc.tasksCreated), tasksCompleted: num(doc.tasksCompleted), approveMs: num(doc.approveMs),
    approvals: histogramOf(doc.approvals), slaBreaches: num(doc.slaBreaches),
    failures: list(doc.failures).map((f) => ({ nodeId: str(f.nodeId), failures: num(f.failures), lastMessage: str(f.lastMessage), lastAt: str(f.lastAt), lastRunId: str(f.lastRunId) })),
  };
}

/** A day document's list of workflows and their figures. */
export function workflowsOf(doc: Pick<DailyRollupDoc, "workflows"> | { workflows?: unknown }): WorkflowDay[] {
  return list(doc.workflows).map((w) => ({ workflowId: str(w.workflowId), stats: statsOf(w) }));
}

/** What a day document stores for its workflows. */
export const storedWorkflows = (workflows: readonly WorkflowDay[]) => workflows.map((w) => ({ workflowId: w.workflowId, ...w.stats }));

const yearOf = (day: string) => day.slice(0, 4);

/**
 * Writes one day's figures at version `v`. The version goes first: a crash between the two
 * writes leaves a version no cached copy has, so views re-read the day instead of keeping stale
 * figures. Only the folder (under its claim) and the rebuild call this. The process that wrote
 * the day keeps what it wrote, so its next view need not read it back (a dashboard view folds
 * recent ends itself first: lib/dashboard/queries.ts).
 */
export async function writeDay(day: string, workflows: readonly WorkflowDay[], v: number, lastBatch: readonly string[]): Promise<void> {
  cache.delete(day);
  await RollupHead.updateOne({ _id: yearOf(day) }, { $set: { [`days.${day}`]: v } }, { upsert: true });
  await DailyRollup.replaceOne({ _id: day }, { _id: day, day, workflows: storedWorkflows(workflows), v, lastBatch: [...lastBatch] }, { upsert: true });
  remember(day, v, workflows.map((w) => ({ workflowId: w.workflowId, stats: w.stats })));
}

/** The version of every day from `from` to `to` that has a roll-up. */
async function versionsOf(from: string, to: string): Promise<Map<string, number>> {
  const years: string[] = [];
  for (let y = Number(yearOf(from)); y <= Number(yearOf(to)); y++) years.push(String(y));
  const heads = await Promise.all(years.map((y) => RollupHead.findById(y).lean<{ days?: Record<string, number> }>()));
  const out = new Map<string, number>();
  for (const head of heads) for (const [day, v] of Object.entries(head?.days ?? {})) if (day >= from && day <= to) out.set(day, v);
  return out;
}

// Days by _id, with the version they were read at. A past day rarely changes, so a view reads
// the one or two head documents and then, by _id (indexed), only days whose version moved.
// On globalThis: the server's instrumentation (which warms it, lib/rollups/warm.ts) and its pages are separate bundles.
const holder = globalThis as unknown as { __switchyardRollupDays?: Map<string, { v: number; workflows: WorkflowDay[] }> };
const cache = (holder.__switchyardRollupDays ??= new Map<string, { v: number; workflows: WorkflowDay[] }>());
const CACHE_DAYS = 800;
const PARALLEL_READS = 8;

function remember(day: string, v: number, workflows: WorkflowDay[]): void {
  cache.delete(day);
  if (cache.size >= CACHE_DAYS) cache.delete(cache.keys().next().value!);
  cache.set(day, { v, workflows });
}

const rowsOf = (day: string, workflows: readonly WorkflowDay[]): DayRow[] => workflows.map((w) => ({ workflowId: w.workflowId, day, stats: w.stats }));

async function refresh(days: readonly string[]): Promise<void> {
  for (let i = 0; i < days.length; i += PARALLEL_READS) {
    const docs = await Promise.all(days.slice(i, i + PARALLEL_READS).map((day) => DailyRollup.findById(day, { v: 1, workflows: 1 }).lean<DailyRollupDoc>()));
    // A missing day (its version written, its document not yet): cached as version -1, read again next time.
    docs.forEach((doc, k) => remember(days[i + k], doc ? doc.v : -1, doc ? workflowsOf(doc) : []));
  }
}

/** Every workflow's figures for the days from `from` to `to` (both included); `cache: false` reads them all afresh. */
export async function readDays(from: string, to: string, options: { cache?: boolean } = {}): Promise<DayRow[]> {
  if (options.cache === false) {
    const docs = await DailyRollup.find({ day: { $gte: from, $lte: to } }, { day: 1, workflows: 1 }).lean<DailyRollupDoc[]>();
    return docs.sort((a, b) => a.day.localeCompare(b.day)).flatMap((d) => rowsOf(d.day, workflowsOf(d)));
  }
  const versions = await versionsOf(from, to);
  const days = [...versions.keys()].sort();
  await refresh(days.filter((day) => cache.get(day)?.v !== versions.get(day)));
  return days.flatMap((day) => rowsOf(day, cache.get(day)?.workflows ?? []));
}
