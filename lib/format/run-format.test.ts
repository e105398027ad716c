import { describe, expect, it } from "vitest";
import { formatClock, formatCost, formatDay, formatDuration, formatMoment } from "./run-format";

describe("run figures", () => {
  it("formats durations in the unit that reads best", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(1_234)).toBe("1.23 s");
    expect(formatDuration(12_400)).toBe("12.4 s");
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatDuration(2 * 3_600_000 + 4 * 60_000)).toBe("2 h 04 min");
  });

  it("shows small AI costs with their significant digits", () => {
    expect(formatCost(0)).toBe("$0");
    expect(formatCost(0.0042)).toBe("$0.0042");
    expect(formatCost(0.00015)).toBe("$0.00015");
    expect(formatCost(1.254)).toBe("$1.25");
  });

  it("prints moments in UTC", () => {
    expect(formatMoment("2026-11-22T13:42:05.123Z")).toBe("22 Nov 2026, 13:42:05 UTC");
    expect(formatMoment(null)).toBe("—");
    expect(formatClock("2026-11-22T13:42:05.123Z")).toBe("13:42:05.123");
    expect(formatDay("2026-11-22T23:59:59.000Z")).toBe("22 Nov 2026");
    expect(formatDay("not a date")).toBe("—");
  });
});
