// Which finished runs lose their details, decided from a list of finished runs (what the survey
// read from execution_histories) and how far earlier surveys got. Pure: no I/O, no clock.
import type { PruneReason, RetentionPolicy } from "./policy";

const DAY_MS = 86_400_000;

export interface FinishedRun {
  runId: string;
  workflowId: string;
  endedAt: number;
}

export interface Watermarks {
  /** Every finished run that ended at or before it was pruned (by age). */
  prunedThrough: number | null;
  /** Per workflow: every finished run of it that ended at or before this was pruned. */
  workflows: ReadonlyMap<string, number>;
}

export interface Candidate extends FinishedRun {
  reason: PruneReason;
  /** The limit that applied: days for "age", runs kept for "count". */
  limit: number;
}

export interface Selection {
  /** Oldest first, so an interrupted pass has pruned the oldest. */
  candidates: Candidate[];
  /** True once every candidate is pruned: what the next survey may skip. */
  next: { prunedThrough: number; workflows: Map<string, number> };
}

/** Newest first; runs that ended in the same millisecond are ordered by id, so the cut is stable. */
const newestFirst = (a: FinishedRun, b: FinishedRun) => b.endedAt - a.endedAt || (a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0);

export function ageCutoff(policy: RetentionPolicy, now: number): number {
  return now - policy.keepDays * DAY_MS;
}

/**
 * The runs to prune now. A run is pruned by age when it ended at or before now − keepDays, by
 * count when newer runs of its workflow number keepPerWorkflow or more. The runs beyond the
 * newest N are always the older end of the workflow's list, so "pruned through moment T" is
 * enough to remember per workflow; runs at or before a watermark are not offered again.
 * `runs` needs every finished run that ended after `seen.prunedThrough` (older ones are already
 * pruned, and being older than all the rest they do not change any newer run's rank).
 */
export function selectForPruning(runs: readonly FinishedRun[], policy: RetentionPolicy, now: number, seen: Watermarks): Selection {
  const cutoff = ageCutoff(policy, now);
  const byWorkflow = new Map<string, FinishedRun[]>();
  for (const run of runs) {
    const list = byWorkflow.get(run.workflowId);
    if (list) list.push(run);
    else byWorkflow.set(run.workflowId, [run]);
  }
  const candidates: Candidate[] = [];
  const workflows = new Map(seen.workflows);
  for (const [workflowId, list] of byWorkflow) {
    list.sort(newestFirst);
    const done = Math.max(seen.prunedThrough ?? -Infinity, seen.workflows.get(workflowId) ?? -Infinity);
    const keep = policy.keepPerWorkflow;
    list.forEach((run, rank) => {
      if (run.endedAt <= done) return;
      if (run.endedAt <= cutoff) candidates.push({ ...run, reason: "age", limit: policy.keepDays });
      else if (keep !== null && rank >= keep) candidates.push({ ...run, reason: "count", limit: keep });
    });
    // The newest run beyond the count is where this workflow's pruned prefix ends.
    const lastPruned = keep !== null && list.length > keep ? list[keep].endedAt : null;
    if (lastPruned !== null && lastPruned > cutoff) workflows.set(workflowId, Math.max(lastPruned, workflows.get(workflowId) ?? -Infinity));
  }
  const prunedThrough = Math.max(cutoff, seen.prunedThrough ?? -Infinity);
  // A workflow mark at or below the global one says nothing more: drop it, so the list stays small.
  for (const [workflowId, through] of workflows) if (through <= prunedThrough) workflows.delete(workflowId);
  candidates.sort((a, b) => a.endedAt - b.endedAt || (a.runId < b.runId ? -1 : 1));
  return { candidates, next: { prunedThrough, workflows } };
}
