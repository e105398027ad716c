import { describe, expect, it } from "vitest";
import { centsUp, dayBudgetReached, judgeSpend } from "./arithmetic";

describe("the per-run budget arithmetic", () => {
  it("lets a step run when spent + estimate fits the budget plus what was approved", () => {
    expect(judgeSpend(1, { spentUsd: 0.4, approvedUsd: 0 }, 0.6)).toEqual({ ok: true, leftUsd: 0 });
    expect(judgeSpend(1, { spentUsd: 0.9, approvedUsd: 0.5 }, 0.5)).toMatchObject({ ok: true });
    expect(judgeSpend(1, { spentUsd: 0, approvedUsd: 0 }, 0)).toEqual({ ok: true, leftUsd: 1 });
  });

  it("asks for the shortfall, rounded up to the cent, when it would not fit", () => {
    expect(judgeSpend(1, { spentUsd: 0.4, approvedUsd: 0 }, 0.7)).toEqual({ ok: false, extraUsd: 0.1 });
    expect(judgeSpend(0.5, { spentUsd: 0, approvedUsd: 0 }, 0.5031)).toEqual({ ok: false, extraUsd: 0.01 });
    expect(judgeSpend(0.5, { spentUsd: 0.2, approvedUsd: 0.3 }, 1.234)).toEqual({ ok: false, extraUsd: 0.64 });
  });

  it("ignores a negative estimate and never asks for less than a cent", () => {
    expect(judgeSpend(1, { spentUsd: 0.5, approvedUsd: 0 }, -3)).toMatchObject({ ok: true });
    expect(centsUp(0.000001)).toBe(0.01);
    expect(centsUp(0.1)).toBe(0.1);
    expect(centsUp(0.10001)).toBe(0.11);
  });

  it("says the day budget is reached once today's spend meets it", () => {
    expect(dayBudgetReached(undefined, 1_000)).toBe(false);
    expect(dayBudgetReached(5, 4.99)).toBe(false);
    expect(dayBudgetReached(5, 5)).toBe(true);
    expect(dayBudgetReached(5, 7)).toBe(true);
  });
});
