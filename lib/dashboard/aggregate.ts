// From day roll-ups to what the dashboard shows: KPIs for the period and the one before, series
// per day, the per-workflow table and the most failing steps. Pure, so the page, the CSV export
// and the benchmark share it and it can be tested without a database.
import { histogramCount, percentile } from "@/lib/rollups/histogram";
import { addStats, NANOS_PER_DOLLAR, type DayStats } from "@/lib/rollups/stats";
import type { DayRow } from "@/lib/rollups/store";
import { compare, daysBetween, type Change, type Periods } from "./periods";

export type { DayRow };

export interface Kpi {
  key: KpiKey;
  value: number | null;
  previous: number | null;
  change: Change | null;
}

export type KpiKey = "runs" | "successRate" | "p50" | "p95" | "cost" | "costPerRun" | "aiCalls" | "humanInterventions" | "medianApprove" | "slaBreaches";

export interface SeriesPoint {
  day: string;
  runs: number;
  completed: number;
  failed: number;
  cancelled: number;
  successRate: number | null;
  p50: number | null;
  p95: number | null;
  cost: number;
  approvals: number;
  medianApprove: number | null;
  slaBreaches: number;
  /** Cost per model label ("provider/model"), in dollars. */
  costByModel: { model: string; cost: number }[];
}

export interface WorkflowRow {
  workflowId: string;
  name: string;
  runs: number;
  failed: number;
  successRate: number | null;
  p95: number | null;
  cost: number;
  /** Runs per day over the period, for the sparkline. */
  trend: number[];
}

export interface FailingStep {
  workflowId: string;
  workflowName: string;
  nodeId: string;
  failures: number;
  lastMessage: string;
  lastAt: string;
  lastRunId: string;
}

export interface DashboardData {
  kpis: Kpi[];
  series: SeriesPoint[];
  models: string[];
  workflows: WorkflowRow[];
  failingSteps: FailingStep[];
  /** Runs in either period: zero means there is nothing to show yet. */
  totalRuns: number;
}

const dollars = (nanos: number) => nanos / NANOS_PER_DOLLAR;
const rate = (s: DayStats) => (s.runs > 0 ? s.completed / s.runs : null);
const modelLabel = (m: { provider: string; model: string }) => `${m.provider}/${m.model}`;

function kpisOf(s: DayStats) {
  return {
    runs: s.runs,
    successRate: rate(s),
    p50: percentile(s.durations, 0.5),
    p95: percentile(s.durations, 0.95),
    cost: dollars(s.costNanos),
    costPerRun: s.runs > 0 ? dollars(s.costNanos) / s.runs : null,
    aiCalls: s.aiCalls,
    humanInterventions: s.tasksCompleted,
    medianApprove: histogramCount(s.approvals) > 0 ? percentile(s.approvals, 0.5) : null,
    slaBreaches: s.slaBreaches,
  } satisfies Record<KpiKey, number | null>;
}

export function aggregate(rows: readonly DayRow[], periods: Periods, names: ReadonlyMap<string, string>): DashboardData {
  const { current, previous } = periods;
  const inCurrent = rows.filter((r) => r.day >= current.from && r.day <= current.to);
  const inPrevious = rows.filter((r) => r.day >= previous.from && r.day <= previous.to);
  const days = daysBetween(current.from, current.to);
  const byDay = new Map<string, DayStats[]>();
  for (const r of inCurrent) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r.stats]);
  const dayTotals = days.map((day) => addStats(...(byDay.get(day) ?? [])));
  // The period's totals from the day totals: 90 merges instead of one per workflow-day.
  const now = addStats(...dayTotals);
  const before = addStats(...inPrevious.map((r) => r.stats));
  const a = kpisOf(now);
  const b = kpisOf(before);
  const kpis = (Object.keys(a) as KpiKey[]).map((key) => ({
    key,
    value: a[key],
    previous: inPrevious.length > 0 ? b[key] : null,
    change: inPrevious.length > 0 ? compare(a[key], b[key], key === "successRate" ? "points" : "relative") : null,
  }));

  const models = [...new Set(now.models.map(modelLabel))].sort();
  const series = days.map((day, i): SeriesPoint => {
    const s = dayTotals[i];
    return {
      day,
      runs: s.runs,
      completed: s.completed,
      failed: s.failed,
      cancelled: s.cancelled,
      successRate: rate(s),
      p50: percentile(s.durations, 0.5),
      p95: percentile(s.durations, 0.95),
      cost: dollars(s.costNanos),
      approvals: s.tasksCompleted,
      medianApprove: percentile(s.approvals, 0.5),
      slaBreaches: s.slaBreaches,
      costByModel: s.models.map((m) => ({ model: modelLabel(m), cost: dollars(m.costNanos) })),
    };
  });

  const byWorkflow = new Map<string, DayRow[]>();
  for (const r of inCurrent) byWorkflow.set(r.workflowId, [...(byWorkflow.get(r.workflowId) ?? []), r]);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const workflows = [...byWorkflow].map(([workflowId, list]): WorkflowRow => {
    const s = addStats(...list.map((r) => r.stats));
    const trend = days.map(() => 0);
    for (const r of list) trend[dayIndex.get(r.day)!] += r.stats.runs;
    return { workflowId, name: names.get(workflowId) ?? "(deleted workflow)", runs: s.runs, failed: s.failed, successRate: rate(s), p95: percentile(s.durations, 0.95), cost: dollars(s.costNanos), trend };
  });
  workflows.sort((x, y) => y.runs - x.runs || x.name.localeCompare(y.name));

  const failing = new Map<string, FailingStep>();
  for (const r of inCurrent) {
    for (const f of r.stats.failures ?? []) {
      const key = `${r.workflowId}\u0000${f.nodeId}`;
      const lastAt = new Date(f.lastAt).toISOString();
      const row = failing.get(key);
      if (!row) failing.set(key, { workflowId: r.workflowId, workflowName: names.get(r.workflowId) ?? "(deleted workflow)", nodeId: f.nodeId, failures: f.failures, lastMessage: f.lastMessage, lastAt, lastRunId: f.lastRunId });
      else {
        row.failures += f.failures;
        if (lastAt > row.lastAt) Object.assign(row, { lastMessage: f.lastMessage, lastAt, lastRunId: f.lastRunId });
      }
    }
  }
  const failingSteps = [...failing.values()].sort((x, y) => y.failures - x.failures || y.lastAt.localeCompare(x.lastAt)).slice(0, 10);

  return { kpis, series, models, workflows, failingSteps, totalRuns: now.runs + before.runs };
}
