import "server-only";
// The dashboard's budgets: for each workflow in view with an AI budget, today's spend against
// it (from the day roll-ups, lib/ai/budget/day-spend.ts) and whether new runs are refused; and
// the spend approvals still open (runs paused by the per-run budget), from the inbox's
// in-memory task index (lib/tasks/open-index.ts), so nothing here scans a big collection.
import { dayBudgetReached } from "@/lib/ai/budget/arithmetic";
import { spendToday } from "@/lib/ai/budget/day-spend";
import { taskRows } from "@/lib/tasks/open-index";
import { isOpen } from "@/lib/tasks/rows";
import { inScope, type Scope } from "./queries";

export interface BudgetRow {
  workflowId: string;
  name: string;
  perRunUsd: number | null;
  perDayUsd: number | null;
  spentTodayUsd: number;
  /** Today's spend reached the day budget: new runs are refused until midnight UTC. */
  blocked: boolean;
  /** Runs paused for approval of extra spend, and the extra they ask for. */
  pendingApprovals: number;
  pendingUsd: number;
}

export interface PendingSpend {
  taskId: string;
  title: string;
  workflowId: string;
  workflowName: string;
  runId: string;
  amountUsd: number;
  createdAt: number;
}

export interface BudgetsView {
  rows: BudgetRow[];
  pending: PendingSpend[];
}

export async function loadBudgets(scope: Scope): Promise<BudgetsView> {
  const pending: PendingSpend[] = [];
  for (const row of await taskRows()) {
    if (row.spendUsd == null || !isOpen(row.status) || !inScope(scope, row.workflowId)) continue;
    pending.push({ taskId: row.id, title: row.title, workflowId: row.workflowId, workflowName: row.workflowName, runId: row.runId, amountUsd: row.spendUsd, createdAt: row.createdAt });
  }
  pending.sort((a, b) => a.createdAt - b.createdAt);
  const budgeted = [...scope.budgets].filter(([id]) => inScope(scope, id));
  if (budgeted.length === 0 && pending.length === 0) return { rows: [], pending };
  const spent = await spendToday();
  const rows = budgeted.map(([workflowId, budget]): BudgetRow => {
    const mine = pending.filter((p) => p.workflowId === workflowId);
    const spentTodayUsd = spent.get(workflowId) ?? 0;
    return {
      workflowId,
      name: scope.names.get(workflowId) ?? workflowId,
      perRunUsd: budget.perRunUsd ?? null,
      perDayUsd: budget.perDayUsd ?? null,
      spentTodayUsd,
      blocked: dayBudgetReached(budget.perDayUsd, spentTodayUsd),
      pendingApprovals: mine.length,
      pendingUsd: mine.reduce((sum, p) => sum + p.amountUsd, 0),
    };
  });
  rows.sort((a, b) => Number(b.blocked) - Number(a.blocked) || b.pendingApprovals - a.pendingApprovals || a.name.localeCompare(b.name));
  return { rows, pending };
}
