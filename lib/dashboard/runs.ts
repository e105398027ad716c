import "server-only";
// The runs explorer: the ended runs behind a dashboard figure, with the same filters, newest
// first, a page at a time, from the run_ends day log (lib/runtime/run-index.ts): read by exact
// _id and kept in memory, since a filter on execution_histories decodes every record on the
// embedded database (7.1 s per view at 2,000 runs, growing with them: bench:scale).
import type { Actor } from "@/lib/auth/roles";
import { NANOS_PER_DOLLAR } from "@/lib/rollups/stats";
import { endedBetween } from "@/lib/runtime/run-index";
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

export async function listEndedRuns(actor: Actor, parsed: ParsedFilters, options: { pageSize?: number; all?: boolean } = {}): Promise<RunsPage> {
  const scope = await scopeFor(actor, parsed);
  const { filters, periods } = parsed;
  const ids = scope.selected ? new Set([scope.selected]) : scope.allowed ? new Set(scope.allowed) : null;
  const matching = (await endedBetween(periods.current.from, periods.current.to)).filter(
    (row) =>
      row.trigger !== "test" &&
      (!ids || ids.has(row.workflowId)) &&
      (!filters.status || row.status === filters.status) &&
      (!filters.step || row.errorNodeId === filters.step),
  );
  const pageSize = options.pageSize ?? RUNS_PAGE_SIZE;
  const page = options.all ? matching : matching.slice((filters.page - 1) * pageSize, filters.page * pageSize);
  const rows = page.map(
    (r): RunRow => ({
      id: r.runId,
      workflowId: r.workflowId,
      workflowName: scope.names.get(r.workflowId) ?? "(deleted workflow)",
      status: r.status,
      startedAt: r.startedAt ? new Date(r.startedAt).toISOString() : null,
      endedAt: new Date(r.endedAt).toISOString(),
      durationMs: r.durationMs ?? 0,
      cost: (r.costNanos ?? 0) / NANOS_PER_DOLLAR,
      aiCalls: r.aiCalls ?? 0,
      approvals: r.approvals ?? 0,
      error: r.error ?? null,
      errorNodeId: r.errorNodeId ?? null,
    }),
  );
  return { rows, total: matching.length, scope };
}
