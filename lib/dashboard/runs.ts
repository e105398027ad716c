import "server-only";
// The runs explorer: the ended runs behind a dashboard figure, with the same filters, newest
// first, a page at a time, from execution_histories. Only the page being looked at is read
// (the embedded database scans the collection for it; a real MongoDB uses its index).
import type { Actor } from "@/lib/auth/roles";
import { NANOS_PER_DOLLAR, toNanos } from "@/lib/rollups/stats";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { dayStart, DAY_MS } from "./periods";
import type { ParsedFilters } from "./params";
import { scopeFor, type Scope } from "./queries";

export const RUNS_PAGE_SIZE = 50;

export interface RunRow {
  id: string;
  workflowId: string;
  workflowName: string;
  status: string;
  startedAt: string | null;
  endedAt: string;
  durationMs: number;
  cost: number;
  aiCalls: number;
  approvals: number;
  error: string | null;
  errorNodeId: string | null;
}

export interface RunsPage {
  rows: RunRow[];
  total: number;
  scope: Scope;
}

interface HistoryRow {
  _id: string;
  workflowId: unknown;
  status: string;
  startedAt?: Date | null;
  endedAt: Date;
  duration?: number | null;
  aiUsage?: { calls?: number | null; cost?: number | null }[];
  humanInteractions?: unknown[];
  error?: { message?: string | null; nodeId?: string | null } | null;
}

export async function listEndedRuns(actor: Actor, parsed: ParsedFilters, options: { pageSize?: number; all?: boolean } = {}): Promise<RunsPage> {
  const scope = await scopeFor(actor, parsed);
  const { filters, periods } = parsed;
  const ids = scope.selected ? [scope.selected] : scope.allowed ? [...scope.allowed] : null;
  const query: Record<string, unknown> = {
    endedAt: { $gte: new Date(dayStart(periods.current.from)), $lt: new Date(dayStart(periods.current.to) + DAY_MS) },
    "trigger.type": { $ne: "test" },
  };
  if (ids) query.workflowId = { $in: ids };
  if (filters.status) query.status = filters.status;
  if (filters.step) query["error.nodeId"] = filters.step;
  const pageSize = options.pageSize ?? RUNS_PAGE_SIZE;
  const cursor = ExecutionHistory.find(query, { _id: 1, workflowId: 1, status: 1, startedAt: 1, endedAt: 1, duration: 1, aiUsage: 1, humanInteractions: 1, error: 1 }).sort({ endedAt: -1 });
  if (!options.all) cursor.skip((filters.page - 1) * pageSize).limit(pageSize);
  const [docs, total] = await Promise.all([cursor.lean<HistoryRow[]>(), ExecutionHistory.countDocuments(query)]);
  const rows = docs.map((d): RunRow => {
    const workflowId = String(d.workflowId);
    return {
      id: d._id,
      workflowId,
      workflowName: scope.names.get(workflowId) ?? "(deleted workflow)",
      status: d.status,
      startedAt: d.startedAt ? new Date(d.startedAt).toISOString() : null,
      endedAt: new Date(d.endedAt).toISOString(),
      durationMs: d.duration ?? 0,
      cost: (d.aiUsage ?? []).reduce((s, u) => s + toNanos(u.cost), 0) / NANOS_PER_DOLLAR,
      aiCalls: (d.aiUsage ?? []).reduce((s, u) => s + (u.calls ?? 0), 0),
      approvals: (d.humanInteractions ?? []).length,
      error: d.error?.message ?? null,
      errorNodeId: d.error?.nodeId ?? null,
    };
  });
  return { rows, total, scope };
}
