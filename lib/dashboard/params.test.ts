import { describe, expect, it } from "vitest";
import { filterQuery, parseFilters } from "./params";

const today = "2026-11-22";

describe("dashboard filters from the URL", () => {
  it("defaults to the last 30 days and all workflows", () => {
    const { filters, periods, notices } = parseFilters({}, today);
    expect(filters).toMatchObject({ range: "30d", workflow: null, status: null, page: 1 });
    expect(periods.current).toEqual({ from: "2026-10-24", to: "2026-11-22", days: 30 });
    expect(notices).toEqual([]);
  });

  it("reads a custom range and a workflow", () => {
    const { filters, periods } = parseFilters({ range: "custom", from: "2026-11-01", to: "2026-11-10", workflow: "a".repeat(24) }, today);
    expect(filters).toMatchObject({ range: "custom", from: "2026-11-01", to: "2026-11-10", workflow: "a".repeat(24) });
    expect(periods.previous).toEqual({ from: "2026-10-22", to: "2026-10-31", days: 10 });
  });

  it("falls back to the default view with a notice for an inverted, absurd or malformed range", () => {
    for (const raw of [
      { range: "custom", from: "2026-11-10", to: "2026-11-01" },
      { range: "custom", from: "1900-01-01", to: "2026-01-01" },
      { range: "custom", from: "2026-02-30", to: "2026-03-01" },
      { range: "custom", from: "2020-01-01", to: "2026-01-01" },
      { range: "custom", from: "2026-11-01", to: "2027-01-01" },
      { range: "forever" },
    ]) {
      const parsed = parseFilters(raw, today);
      expect(parsed.filters.range, JSON.stringify(raw)).toBe("30d");
      expect(parsed.notices.length, JSON.stringify(raw)).toBeGreaterThan(0);
    }
  });

  it("ignores a malformed workflow, status or page, saying so", () => {
    const parsed = parseFilters({ workflow: "../../etc", status: "exploded", page: "-3" }, today);
    expect(parsed.filters).toMatchObject({ workflow: null, status: null, page: 1 });
    expect(parsed.notices).toHaveLength(3);
    expect(parsed.notices[0]).toContain("workflow");
  });

  it("round-trips through the query it builds", () => {
    const { filters } = parseFilters({ range: "custom", from: "2026-11-01", to: "2026-11-10", status: "failed" }, today);
    const again = parseFilters(Object.fromEntries(new URLSearchParams(filterQuery(filters))), today);
    expect(again.filters).toEqual(filters);
  });
});
