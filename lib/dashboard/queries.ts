import "server-only";
// The dashboard's reads. Figures come from the day roll-ups (one document per day, kept in the
// process by version: lib/rollups/store.ts), never from a scan of the run history; the runs explorer reads the histories of the
// page being looked at. Every read is narrowed to the workflows the actor may see: all of them
// with dashboard:see-all (managers, admins), else the ones they own (designers).
import { can, type Actor } from "@/lib/auth/roles";
import { foldRecentEnds } from "@/lib/rollups/fold";
import { readDays } from "@/lib/rollups/store";
import { workflowCatalog } from "@/lib/workflows/workflow-catalog";
import { aclOf } from "@/lib/workflows/access";
import { budgetOf } from "@/lib/ai/budget/workflow-budget";
import type { WorkflowBudget } from "@/lib/workflow/types";
import { aggregate, type DashboardData } from "./aggregate";
import { loadBudgets, type BudgetsView } from "./budgets";
import type { ParsedFilters } from "./params";

export interface WorkflowOption {
  id: string;
  name: string;
}

export interface Scope {
  /** Workflows offered in the filter, by name. */
  workflows: WorkflowOption[];
  names: Map<string, string>;
  /** Null: every workflow (see-all); else the ids the actor may see. */
  allowed: Set<string> | null;
  /** The selected workflow, when it is one the actor may see. */
  selected: string | null;
  /** The AI budgets of the workflows in scope that have one. */
  budgets: Map<string, WorkflowBudget>;
  notices: string[];
}

export async function scopeFor(actor: Actor, parsed: ParsedFilters): Promise<Scope> {
  const docs = await workflowCatalog();
  const seeAll = can(actor, "dashboard:see-all");
  const mine = docs.filter((d) => seeAll || aclOf(d.permissions).owners.includes(actor.id));
  const workflows = mine.map((d) => ({ id: d.id, name: d.name })).sort((a, b) => a.name.localeCompare(b.name));
  const names = new Map(workflows.map((w) => [w.id, w.name]));
  const notices = [...parsed.notices];
  let selected = parsed.filters.workflow;
  if (selected && !names.has(selected)) {
    notices.push("That workflow does not exist or is not one you can see; showing all your workflows.");
    selected = null;
  }
  const budgets = new Map<string, WorkflowBudget>();
  for (const d of mine) {
    const budget = budgetOf(d.settings);
    if (budget.perRunUsd !== undefined || budget.perDayUsd !== undefined) budgets.set(d.id, budget);
  }
  return { workflows, names, allowed: seeAll ? null : new Set(names.keys()), selected, notices, budgets };
}

export function inScope(scope: Scope, workflowId: string): boolean {
  if (scope.selected) return workflowId === scope.selected;
  return scope.allowed === null || scope.allowed.has(workflowId);
}

export interface DashboardView {
  data: DashboardData;
  scope: Scope;
  budgets: BudgetsView;
  /** Server time spent, in ms, for the page's footnote and the benchmark. */
  ms: number;
}

export async function loadDashboard(actor: Actor, parsed: ParsedFilters, options: { cache?: boolean } = {}): Promise<DashboardView> {
  const started = performance.now();
  const [scope] = await Promise.all([scopeFor(actor, parsed), foldRecentEnds("dashboard")]);
  const { previous, current } = parsed.periods;
  const rows = (await readDays(previous.from, current.to, options)).filter((r) => inScope(scope, r.workflowId));
  const data = aggregate(rows, parsed.periods, scope.names);
  const budgets = await loadBudgets(scope);
  return { data, scope, budgets, ms: Math.round(performance.now() - started) };
}
