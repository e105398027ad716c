import { describe, expect, it } from "vitest";
import { dotsFor, hasIsolatedPoint } from "./dots";

const v = (p: { y: number | null }) => p.y;

describe("line chart dots", () => {
  it("draws points when a value has no neighbour: one day of data, or a day between gaps", () => {
    expect(hasIsolatedPoint([{ y: 5 }], v)).toBe(true);
    expect(hasIsolatedPoint([{ y: null }, { y: 5 }, { y: null }], v)).toBe(true);
    expect(dotsFor([{ y: 5 }], v)).toEqual({ r: 3 });
  });

  it("keeps a plain line when every value touches another", () => {
    expect(hasIsolatedPoint([{ y: 1 }, { y: 2 }, { y: null }, { y: null }], v)).toBe(false);
    expect(hasIsolatedPoint([], v)).toBe(false);
    expect(dotsFor([{ y: 1 }, { y: 2 }], v)).toBe(false);
  });
});
