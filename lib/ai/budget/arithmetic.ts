// The budget arithmetic, pure so it is tested on its own: whether a step may spend its estimate
// within the run's budget, and how much extra to ask for when it may not. Dollars are rounded
// to the cent when asked of a person (nobody approves $0.0031), and never below one cent.

export interface RunSpend {
  /** What the run's AI calls cost so far (US dollars). */
  spentUsd: number;
  /** Extra approved by owners for this run so far. */
  approvedUsd: number;
}

export type BudgetVerdict = { ok: true; leftUsd: number } | { ok: false; extraUsd: number };

/** Rounds dollars up to the next cent, at least one cent. */
export function centsUp(usd: number): number {
  return Math.max(0.01, Math.ceil(Math.round(usd * 1e6) / 1e4) / 100);
}

/**
 * May a step with this estimate run? The limit is the per-run budget plus what was approved;
 * a step whose estimate fits (spent + estimate ≤ limit) runs, else the extra is the shortfall.
 */
export function judgeSpend(perRunUsd: number, spend: RunSpend, estimateUsd: number): BudgetVerdict {
  const limit = perRunUsd + spend.approvedUsd;
  const after = spend.spentUsd + Math.max(0, estimateUsd);
  // A millionth of a dollar of slack: costs are rounded to millionths (lib/ai/pricing.ts).
  if (after <= limit + 1e-6) return { ok: true, leftUsd: Math.max(0, limit - after) };
  return { ok: false, extraUsd: centsUp(after - limit) };
}

/** True when today's spend reached the day budget: new runs are refused. */
export function dayBudgetReached(perDayUsd: number | undefined, spentTodayUsd: number): boolean {
  return perDayUsd !== undefined && spentTodayUsd >= perDayUsd - 1e-9;
}
