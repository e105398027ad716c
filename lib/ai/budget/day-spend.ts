import "server-only";
// What a workflow's runs spent on AI today (UTC), from the day roll-ups (lib/rollups): one day
// document read by _id and kept in the process by version, after folding the runs that just
// ended. Roll-ups count ended runs of published versions (test runs of drafts are left out, as
// on the dashboard), so a run still going counts once it ends.
import { foldRecentEnds } from "@/lib/rollups/fold";
import { NANOS_PER_DOLLAR, rollupDay } from "@/lib/rollups/stats";
import { readDays } from "@/lib/rollups/store";
import { dayBudgetReached } from "./arithmetic";
import { formatCost } from "@/lib/format/run-format";
import { budgetOf } from "./workflow-budget";

/** Today's AI spend by workflow id, in US dollars. */
export async function spendToday(now = new Date()): Promise<Map<string, number>> {
  await foldRecentEnds("budget");
  const today = rollupDay(now);
  const rows = await readDays(today, today);
  const spend = new Map<string, number>();
  for (const row of rows) spend.set(row.workflowId, (spend.get(row.workflowId) ?? 0) + row.stats.costNanos / NANOS_PER_DOLLAR);
  return spend;
}

/**
 * Why a new run of this workflow is refused, or null: its runs already spent its day budget.
 * Called by startRunFor, the one start path of the Run button, the REST API, triggers and re-runs.
 */
export async function dayBudgetRefusal(workflow: { _id: unknown; name?: string; settings?: unknown }): Promise<string | null> {
  const { perDayUsd } = budgetOf(workflow.settings);
  if (perDayUsd === undefined) return null;
  const spent = (await spendToday()).get(String(workflow._id)) ?? 0;
  if (!dayBudgetReached(perDayUsd, spent)) return null;
  return `"${workflow.name ?? "This workflow"}" has spent ${formatCost(spent)} on AI today, which reaches its day budget of ${formatCost(perDayUsd)}: new runs are refused until midnight UTC. An owner or editor can raise the day budget in the workflow's settings.`;
}
