import "server-only";
// One retention pass: survey the finished runs, choose the ones to prune, prune them, remember
// how far it got. The job (job.ts) spreads a pass over many small ticks; tests run it whole.
//
// Finding candidates — what we chose and why. On the embedded FerretDB every filter but one
// exact _id reads and decodes the whole collection, so "finished runs that ended before X"
// cannot be asked cheaply of workflow_executions (big documents: states and histories) on every
// tick. Instead:
// - The survey reads execution_histories, which holds one small record per finished run
//   (written when the run ends; no step data), projected to _id, workflowId, endedAt: the runs
//   that ended, without touching the collection live runs write to. It is filtered by endedAt
//   after the last watermark: one pass over small documents on either database (FerretDB
//   decodes each in Go, DESIGN.md: ~5 s per 100k small documents; no endedAt-first index is
//   declared for MongoDB, since an hourly read does not need one).
// - It runs at most once an hour (SWITCHYARD_RETENTION_SURVEY_MS), and in one process only:
//   the survey of an hour is claimed by inserting `retention:survey:<hour>` (lib/db/claim.ts).
// - Its result is a list in memory, pruned 50 runs per tick with a pause between ticks; each
//   run is read and written by _id and its events deleted by exact _id (prune.ts).
// - Watermarks (models/RetentionProgress.ts), saved once the list is done, let the next survey
//   skip runs already pruned without reading each execution: everything that ended at or before
//   `prunedThrough` (and, per workflow, before its count mark) is done.
// A run whose record was written long after it ended (its worker died first) may end before a
// watermark and never be pruned by count; the age limit still reaches it.
import { claimOnce, releaseClaims } from "@/lib/db/claim";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { RetentionProgress } from "@/models/RetentionProgress";
import type { RetentionPolicy } from "./policy";
import { pruneRun, type PruneOutcome } from "./prune";
import { selectForPruning, type Candidate, type FinishedRun, type Selection, type Watermarks } from "./select";
import { readRetentionPolicy } from "./settings";

const PROGRESS_ID = "retention";

export async function readWatermarks(): Promise<Watermarks> {
  const doc = await RetentionProgress.findById(PROGRESS_ID).lean();
  return {
    prunedThrough: doc?.prunedThrough ? new Date(doc.prunedThrough).getTime() : null,
    workflows: new Map((doc?.workflows ?? []).filter((w) => w.workflowId && w.through).map((w) => [w.workflowId!, new Date(w.through!).getTime()])),
  };
}

export async function saveWatermarks(next: Selection["next"], pruned: number, surveyedAt: Date): Promise<void> {
  const doc = {
    prunedThrough: new Date(next.prunedThrough),
    workflows: [...next.workflows].map(([workflowId, through]) => ({ workflowId, through: new Date(through) })),
    lastSurveyAt: surveyedAt,
    lastPruned: pruned,
  };
  await RetentionProgress.replaceOne({ _id: PROGRESS_ID }, doc, { upsert: true });
}

/** Every finished run that ended after `after` (null: all), from execution_histories. */
export async function finishedRunsAfter(after: number | null): Promise<FinishedRun[]> {
  const filter = after === null ? {} : { endedAt: { $gt: new Date(after) } };
  const rows = await ExecutionHistory.find(filter, { _id: 1, workflowId: 1, endedAt: 1 }).lean<{ _id: string; workflowId: unknown; endedAt: Date }[]>();
  return rows.map((r) => ({ runId: r._id, workflowId: String(r.workflowId), endedAt: new Date(r.endedAt).getTime() }));
}

export interface Survey {
  policy: RetentionPolicy;
  selection: Selection;
  at: Date;
}

export async function survey(now: Date = new Date()): Promise<Survey> {
  const [{ policy }, seen] = await Promise.all([readRetentionPolicy(), readWatermarks()]);
  const runs = await finishedRunsAfter(seen.prunedThrough);
  return { policy, selection: selectForPruning(runs, policy, now.getTime(), seen), at: now };
}

/** Prunes the candidates one after another (each is a handful of small writes by _id). */
export async function pruneAll(candidates: readonly Candidate[], now: Date = new Date()): Promise<Record<PruneOutcome, number>> {
  const counts: Record<PruneOutcome, number> = { pruned: 0, already: 0, "not-finished": 0, missing: 0 };
  for (const c of candidates) counts[await pruneRun(c, now)] += 1;
  return counts;
}

/** A whole pass at once: survey, prune every candidate, save the watermarks. */
export async function runRetentionPass(now: Date = new Date()): Promise<Record<PruneOutcome, number> & { candidates: number }> {
  const { selection, at } = await survey(now);
  const counts = await pruneAll(selection.candidates, now);
  await saveWatermarks(selection.next, counts.pruned, at);
  return { ...counts, candidates: selection.candidates.length };
}

/** Claims the survey of the period `now` falls in, for one process among all; releases the period before. */
export async function claimSurvey(now: number, everyMs: number): Promise<boolean> {
  const period = Math.floor(now / everyMs);
  const won = await claimOnce(`retention:survey:${period}`, everyMs * 2);
  if (won) await releaseClaims([`retention:survey:${period - 1}`]);
  return won;
}
