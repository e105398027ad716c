// The two lists of runs that cannot be answered from a small collection on the embedded
// FerretDB: a workflow's runs, newest first, and the runs that ended in a period (the runs
// explorer). Both are day logs (lib/db/day-log.ts), read by exact _id and kept in memory:
//   run_starts: every run, under the (wall-clock) day it was created, so a workflow's runs are
//     found by walking back from today to the day the workflow was created;
//   run_ends: every ended run with what the explorer shows and filters on, under its end day.
// Measured before (bench:scale, 2,000 runs): a workflow's runs list 778 ms, the explorer 7.1 s,
// both growing with the collections. Rebuildable from workflow_executions and
// execution_histories (rebuildRunIndex, migration 004).
import { DayLog, utcDay } from "@/lib/db/day-log";
import { RunEndLog } from "@/models/RunEndLog";
import { RunStartLog } from "@/models/RunStartLog";

export interface RunStartRow {
  runId: string;
  workflowId: string;
  createdAt: Date;
}

export interface RunEndRow {
  runId: string;
  workflowId: string;
  status: string;
  trigger: string | null;
  startedAt: Date | null;
  endedAt: Date;
  durationMs: number;
  costNanos: number;
  aiCalls: number;
  approvals: number;
  error: string | null;
  errorNodeId: string | null;
}

const DAY_MS = 86_400_000;

// One pair per process (a dev reload or a second bundle of this module shares it).
const holder = globalThis as unknown as { __switchyardRunIndex?: { starts: DayLog<RunStartRow>; ends: DayLog<RunEndRow> } };
holder.__switchyardRunIndex ??= { starts: new DayLog<RunStartRow>(RunStartLog), ends: new DayLog<RunEndRow>(RunEndLog) };
export const runStarts = holder.__switchyardRunIndex.starts;
export const runEnds = holder.__switchyardRunIndex.ends;

/** Records a new run; resolves once stored (call before the run itself is inserted, so a listed id may be missing but a run is never unlisted). */
export function noteRunCreated(row: RunStartRow, now = Date.now()): Promise<void> {
  return runStarts.append(utcDay(now), row);
}

export function noteRunEnded(row: RunEndRow): Promise<void> {
  return runEnds.append(utcDay(row.endedAt), row);
}

export const previousDay = (day: string) => utcDay(Date.parse(`${day}T00:00:00Z`) - DAY_MS);

/**
 * The ids of the workflow's `wanted` latest runs, newest first: today's log, then the day
 * before, down to the day the workflow was created.
 */
export async function latestRunIds(workflowId: string, since: Date, wanted: number, now = Date.now()): Promise<string[]> {
  const found: RunStartRow[] = [];
  const first = utcDay(since);
  for (let day = utcDay(now); day >= first && found.length < wanted; day = previousDay(day)) {
    const ofDay = (await runStarts.rowsOf(day, now)).filter((row) => row.workflowId === workflowId);
    found.push(...ofDay.sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime()));
  }
  return found.slice(0, wanted).map((row) => row.runId);
}

/** Every run that ended on the days from `from` to `to` (YYYY-MM-DD, inclusive), newest end first; a run retried to a later end appears once. */
export async function endedBetween(from: string, to: string, now = Date.now()): Promise<RunEndRow[]> {
  const days: string[] = [];
  for (let day = to; day >= from; day = previousDay(day)) days.push(day);
  const perDay = await Promise.all(days.map((day) => runEnds.rowsOf(day, now)));
  const seen = new Set<string>();
  const rows: RunEndRow[] = [];
  for (const row of perDay.flat().sort((a, b) => new Date(b.endedAt).getTime() - new Date(a.endedAt).getTime())) {
    if (seen.has(row.runId)) continue;
    seen.add(row.runId);
    rows.push(row);
  }
  return rows;
}

/** Reads the last `days` days of both logs into memory, one day at a time, so the first list after a start is fast. */
export async function warmRunIndex(days = 90, now = Date.now()): Promise<void> {
  for (let day = utcDay(now), i = 0; i < days; i++, day = previousDay(day)) {
    await runStarts.rowsOf(day, now);
    await runEnds.rowsOf(day, now);
  }
}
