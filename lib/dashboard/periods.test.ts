import { describe, expect, it } from "vitest";
import { compare, daysBetween, formatChange, lastDays, periodsFor } from "./periods";

describe("periods", () => {
  it("takes the last N days including today, and the N days before them", () => {
    expect(lastDays(7, "2026-11-22")).toEqual({
      current: { from: "2026-11-16", to: "2026-11-22", days: 7 },
      previous: { from: "2026-11-09", to: "2026-11-15", days: 7 },
    });
  });

  it("crosses month and leap-year boundaries by whole UTC days", () => {
    const p = periodsFor("2028-02-28", "2028-03-01");
    expect(p.current.days).toBe(3);
    expect(p.previous).toEqual({ from: "2028-02-25", to: "2028-02-27", days: 3 });
    expect(daysBetween("2028-02-28", "2028-03-01")).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
  });

  it("gives a one-day custom range a one-day previous period", () => {
    expect(periodsFor("2026-01-01", "2026-01-01").previous).toEqual({ from: "2025-12-31", to: "2025-12-31", days: 1 });
  });
});

describe("comparing with the previous period", () => {
  it("is relative for amounts", () => {
    expect(compare(150, 100)).toEqual({ value: 0.5, kind: "relative" });
    expect(compare(50, 100)!.value).toBeCloseTo(-0.5);
  });

  it("has no relative change from zero, and none without a previous value", () => {
    expect(compare(10, 0)).toBeNull();
    expect(compare(10, null)).toBeNull();
    expect(compare(null, 3)).toBeNull();
    expect(compare(0, 0)).toBeNull();
  });

  it("is in percentage points for rates", () => {
    const change = compare(0.9, 0.85, "points")!;
    expect(change.kind).toBe("points");
    expect(change.value).toBeCloseTo(5);
  });

  it("formats with a sign", () => {
    expect(formatChange({ value: 0.123, kind: "relative" })).toBe("+12 %");
    expect(formatChange({ value: -0.035, kind: "relative" })).toBe("−3.5 %");
    expect(formatChange({ value: 0, kind: "points" })).toBe("±0 pts");
  });
});
