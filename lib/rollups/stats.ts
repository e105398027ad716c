// What a roll-up holds for one workflow and one day, and how one ended run contributes to it.
// Pure: the runtime's hook, the folder and the rebuild all derive a run's contribution from its
// execution_histories record with contributionOf, so they cannot disagree.
import { emptyHistogram, histogramOf, mergeHistograms, type Histogram } from "./histogram";

/** Costs are summed as whole nano-dollars so that sums are exact whatever the order. */
export const NANOS_PER_DOLLAR = 1e9;

export interface ModelUsage {
  provider: string;
  model: string;
  calls: number;
  tokens: number;
  costNanos: number;
}

export interface StepFailures {
  nodeId: string;
  failures: number;
  lastMessage: string;
  /** ISO time of the latest failure. */
  lastAt: string;
  lastRunId: string;
}

export interface DayStats {
  runs: number;
  completed: number;
  failed: number;
  cancelled: number;
  durationMs: number;
  durations: Histogram;
  costNanos: number;
  tokens: number;
  aiCalls: number;
  models: ModelUsage[];
  tasksCreated: number;
  tasksCompleted: number;
  approveMs: number;
  approvals: Histogram;
  slaBreaches: number;
  failures: StepFailures[];
}

/** The fields of an execution_histories record a roll-up needs. */
export interface HistoryLike {
  _id: string;
  workflowId: string | { toString(): string };
  status: string;
  endedAt: Date;
  duration?: number | null;
  nodeMetrics?: readonly { nodeId?: string | null; type?: string | null; runs?: number | null }[] | null;
  aiUsage?: readonly { provider?: string | null; model?: string | null; calls?: number | null; inputTokens?: number | null; outputTokens?: number | null; cost?: number | null }[] | null;
  humanInteractions?: readonly { waitedMs?: number | null; slaMs?: number | null }[] | null;
  error?: { message?: string | null; nodeId?: string | null } | null;
  trigger?: { type?: string | null } | null;
}

/** Test runs of a draft are the designer's experiments, not the workflow's record: roll-ups leave them out. */
export function countsInRollups(h: Pick<HistoryLike, "trigger">): boolean {
  return h.trigger?.type !== "test";
}

export function emptyStats(): DayStats {
  return {
    runs: 0, completed: 0, failed: 0, cancelled: 0, durationMs: 0, durations: emptyHistogram(), costNanos: 0, tokens: 0, aiCalls: 0, models: [],
    tasksCreated: 0, tasksCompleted: 0, approveMs: 0, approvals: emptyHistogram(), slaBreaches: 0, failures: [],
  };
}

export const toNanos = (dollars: number | null | undefined) => Math.round((dollars ?? 0) * NANOS_PER_DOLLAR);

/** The UTC day a run is counted on: the day it ended. */
export function rollupDay(endedAt: Date): string {
  return new Date(endedAt).toISOString().slice(0, 10);
}

/** One workflow's figures for one day: what a day document holds a list of. */
export interface WorkflowDay {
  workflowId: string;
  stats: DayStats;
}

/** Adds `stats` to the workflow's entry of a day's list (a new list; entries sorted by workflow id). */
export function addToDay(list: readonly WorkflowDay[], workflowId: string, stats: DayStats): WorkflowDay[] {
  const out = list.filter((w) => w.workflowId !== workflowId);
  const prev = list.find((w) => w.workflowId === workflowId);
  out.push({ workflowId, stats: prev ? addStats(prev.stats, stats) : addStats(stats) });
  return out.sort((a, b) => a.workflowId.localeCompare(b.workflowId));
}

export function contributionOf(h: HistoryLike): DayStats {
  const duration = Math.max(0, h.duration ?? 0);
  const waits = (h.humanInteractions ?? []).map((i) => Math.max(0, i.waitedMs ?? 0));
  const models: ModelUsage[] = [];
  for (const u of h.aiUsage ?? []) {
    const row = { provider: u.provider ?? "", model: u.model ?? "", calls: u.calls ?? 0, tokens: (u.inputTokens ?? 0) + (u.outputTokens ?? 0), costNanos: toNanos(u.cost) };
    mergeModels(models, [row]);
  }
  const failedStep = h.status === "failed" && h.error ? (h.error.nodeId ?? "(run)") : null;
  return {
    runs: 1,
    completed: h.status === "completed" ? 1 : 0,
    failed: h.status === "failed" ? 1 : 0,
    cancelled: h.status === "cancelled" ? 1 : 0,
    durationMs: duration,
    durations: histogramOf([duration]),
    costNanos: models.reduce((s, m) => s + m.costNanos, 0),
    tokens: models.reduce((s, m) => s + m.tokens, 0),
    aiCalls: models.reduce((s, m) => s + m.calls, 0),
    models,
    tasksCreated: (h.nodeMetrics ?? []).filter((m) => m.type === "human").reduce((s, m) => s + (m.runs ?? 0), 0),
    tasksCompleted: waits.length,
    approveMs: waits.reduce((s, w) => s + w, 0),
    approvals: histogramOf(waits),
    slaBreaches: (h.humanInteractions ?? []).filter((i) => i.slaMs != null && (i.waitedMs ?? 0) > i.slaMs).length,
    failures: failedStep === null ? [] : [{ nodeId: failedStep, failures: 1, lastMessage: (h.error?.message ?? "").slice(0, 500), lastAt: new Date(h.endedAt).toISOString(), lastRunId: h._id }],
  };
}

function mergeModels(into: ModelUsage[], rows: readonly ModelUsage[]): void {
  for (const r of rows) {
    const row = into.find((m) => m.provider === r.provider && m.model === r.model);
    if (row) {
      row.calls += r.calls;
      row.tokens += r.tokens;
      row.costNanos += r.costNanos;
    } else into.push({ ...r });
  }
}

function mergeFailures(into: StepFailures[], rows: readonly StepFailures[]): void {
  for (const r of rows) {
    const row = into.find((f) => f.nodeId === r.nodeId);
    if (!row) into.push({ ...r });
    else {
      row.failures += r.failures;
      if (r.lastAt >= row.lastAt) Object.assign(row, { lastMessage: r.lastMessage, lastAt: r.lastAt, lastRunId: r.lastRunId });
    }
  }
}

/** The sum of several day stats (commutative and associative, so fold order never matters). */
export function addStats(...parts: readonly DayStats[]): DayStats {
  const out = emptyStats();
  for (const p of parts) {
    out.runs += p.runs;
    out.completed += p.completed;
    out.failed += p.failed;
    out.cancelled += p.cancelled;
    out.durationMs += p.durationMs;
    out.costNanos += p.costNanos;
    out.tokens += p.tokens;
    out.aiCalls += p.aiCalls;
    out.tasksCreated += p.tasksCreated;
    out.tasksCompleted += p.tasksCompleted;
    out.approveMs += p.approveMs;
    out.slaBreaches += p.slaBreaches;
    mergeModels(out.models, p.models ?? []);
    mergeFailures(out.failures, p.failures ?? []);
  }
  out.durations = mergeHistograms(...parts.map((p) => p.durations));
  out.approvals = mergeHistograms(...parts.map((p) => p.approvals));
  out.models.sort((a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model));
  out.failures.sort((a, b) => a.nodeId.localeCompare(b.nodeId));
  return out;
}
