// The dashboard's and the runs explorer's filters, read from the URL. Each parameter is parsed
// on its own with zod: a bad one is replaced by its default and named in a notice, so a
// malformed link still shows a page (the default view) and says what was wrong.
import { z } from "zod";
import { dayOf, dayStart, lastDays, periodsFor, type Periods } from "./periods";

export const RANGES = ["7d", "30d", "90d", "custom"] as const;
export type RangeKey = (typeof RANGES)[number];
export const DEFAULT_RANGE: RangeKey = "30d";
export const RUN_STATUS_FILTERS = ["completed", "failed", "cancelled"] as const;
export type RunStatusFilter = (typeof RUN_STATUS_FILTERS)[number];
/** The longest custom range: a year and a day (the embedded database reads a day per roll-up). */
export const MAX_RANGE_DAYS = 366;
const EARLIEST_DAY = "2000-01-01";

const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date like 2026-01-31" })
  .refine((d) => Number.isFinite(dayStart(d)) && dayOf(dayStart(d)) === d, { error: "is not a real date" });

const paramSchemas = {
  range: z.enum(RANGES, { error: "must be 7d, 30d, 90d or custom" }),
  from: daySchema,
  to: daySchema,
  workflow: z.string().regex(/^[a-f0-9]{24}$/, { error: "is not a workflow id" }),
  status: z.enum(RUN_STATUS_FILTERS, { error: "must be completed, failed or cancelled" }),
  step: z.string().trim().min(1).max(120, { error: "is too long" }),
  page: z.coerce.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }).max(10_000, { error: "is too large" }),
};

export interface Filters {
  range: RangeKey;
  /** Set for a custom range. */
  from?: string;
  to?: string;
  workflow: string | null;
  status: RunStatusFilter | null;
  step: string | null;
  page: number;
}

export interface ParsedFilters {
  filters: Filters;
  periods: Periods;
  /** What was wrong with the URL, in words, for a notice above the default view. */
  notices: string[];
}

type RawParams = Record<string, string | string[] | undefined>;

function one(raw: RawParams, key: string): string | undefined {
  const v = raw[key];
  return Array.isArray(v) ? v[0] : v;
}

export function parseFilters(raw: RawParams, today: string = dayOf(Date.now())): ParsedFilters {
  const notices: string[] = [];
  function read<K extends keyof typeof paramSchemas>(key: K): z.infer<(typeof paramSchemas)[K]> | undefined {
    const value = one(raw, key);
    if (value === undefined || value === "") return undefined;
    const parsed = paramSchemas[key].safeParse(value);
    if (parsed.success) return parsed.data as z.infer<(typeof paramSchemas)[K]>;
    notices.push(`“${key}” ${parsed.error.issues[0]?.message ?? "is not valid"} (got “${value.slice(0, 40)}”); it was ignored.`);
    return undefined;
  }

  let range = read("range") ?? DEFAULT_RANGE;
  const from = read("from");
  const to = read("to");
  if (range !== "custom" && (from || to) && one(raw, "range") === undefined) range = "custom";
  let periods: Periods | null = null;
  if (range === "custom") {
    const problem = !from || !to
      ? "A custom range needs both a start and an end date"
      : from > to
        ? `The start date ${from} is after the end date ${to}`
        : from < EARLIEST_DAY
          ? `The start date ${from} is before ${EARLIEST_DAY}`
          : to > today
            ? `The end date ${to} is in the future`
            : dayStart(to) - dayStart(from) >= MAX_RANGE_DAYS * 86_400_000
              ? `The range is longer than ${MAX_RANGE_DAYS} days`
              : null;
    if (problem) {
      notices.push(`${problem}; showing the last 30 days instead.`);
      range = DEFAULT_RANGE;
    } else periods = periodsFor(from!, to!);
  }
  periods ??= lastDays(Number(range.replace("d", "")), today);

  return {
    filters: {
      range,
      ...(range === "custom" ? { from: periods.current.from, to: periods.current.to } : {}),
      workflow: read("workflow") ?? null,
      status: read("status") ?? null,
      step: read("step") ?? null,
      page: read("page") ?? 1,
    },
    periods,
    notices,
  };
}

/** The URL query for filters, with some replaced: what every link on the dashboard is built from. */
export function filterQuery(filters: Filters, changes: Partial<Filters> = {}): string {
  const f = { ...filters, ...changes };
  const q = new URLSearchParams();
  q.set("range", f.range);
  if (f.range === "custom" && f.from && f.to) {
    q.set("from", f.from);
    q.set("to", f.to);
  }
  if (f.workflow) q.set("workflow", f.workflow);
  if (f.status) q.set("status", f.status);
  if (f.step) q.set("step", f.step);
  if (f.page > 1) q.set("page", String(f.page));
  return q.toString();
}

/** Filters for the runs behind one day of a chart. */
export function dayFilters(day: string): Partial<Filters> {
  return { range: "custom", from: day, to: day, page: 1 };
}
