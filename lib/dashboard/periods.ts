// The dashboard's periods: whole UTC days, the chosen one and the one just before it, of the
// same length, for the "change against the previous period" beside every figure. Pure.

export const DAY_MS = 86_400_000;

/** A UTC day as "YYYY-MM-DD". */
export function dayOf(date: Date | number): string {
  return new Date(date).toISOString().slice(0, 10);
}

export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, n: number): string {
  return dayOf(dayStart(day) + n * DAY_MS);
}

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = dayStart(from); t <= dayStart(to); t += DAY_MS) out.push(dayOf(t));
  return out;
}

export interface Period {
  from: string;
  to: string;
  days: number;
}

export interface Periods {
  current: Period;
  previous: Period;
}

function period(from: string, to: string): Period {
  return { from, to, days: Math.round((dayStart(to) - dayStart(from)) / DAY_MS) + 1 };
}

/** The last `days` days up to and including `today`, and the `days` days before them. */
export function lastDays(days: number, today: string): Periods {
  return periodsFor(addDays(today, -(days - 1)), today);
}

/** A custom range [from, to] and the period of the same length just before it. */
export function periodsFor(from: string, to: string): Periods {
  const current = period(from, to);
  return { current, previous: period(addDays(from, -current.days), addDays(from, -1)) };
}

export type ChangeKind = "relative" | "points";

export interface Change {
  /** The signed change: a fraction for "relative" (0.25 = +25 %), percentage points for "points". */
  value: number;
  kind: ChangeKind;
}

/**
 * The change of a figure against the previous period. Relative for amounts (runs, cost,
 * durations), in percentage points for rates (success rate). Null when there is nothing to
 * compare with (no previous value, or a relative change from zero).
 */
export function compare(current: number | null, previous: number | null, kind: ChangeKind = "relative"): Change | null {
  if (current === null || previous === null) return null;
  if (kind === "points") return { value: (current - previous) * 100, kind };
  if (previous === 0) return null;
  return { value: (current - previous) / previous, kind };
}

/** "+12 %", "−3.5 pts", "±0 %". */
export function formatChange(change: Change): string {
  const v = change.kind === "relative" ? change.value * 100 : change.value;
  const rounded = Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10;
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
  return `${sign}${Math.abs(rounded)}${change.kind === "relative" ? " %" : " pts"}`;
}
