import { describe, expect, it } from "vitest";
import { defaultSettings, workflowSettingsSchema } from "@/lib/workflow/schema";

const withBudget = (budget: unknown) => workflowSettingsSchema.safeParse({ ...defaultSettings, budget });
const messages = (budget: unknown) => {
  const parsed = withBudget(budget);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("a workflow's budget settings", () => {
  it("are optional, and either budget may be set alone", () => {
    expect(workflowSettingsSchema.safeParse(defaultSettings).success).toBe(true);
    expect(withBudget({ perRunUsd: 0.5 }).data?.budget).toEqual({ perRunUsd: 0.5 });
    expect(withBudget({ perDayUsd: 20 }).data?.budget).toEqual({ perDayUsd: 20 });
  });

  it("refuse amounts that are not positive dollars, naming the field", () => {
    expect(messages({ perRunUsd: 0 })).toEqual(["budget.perRunUsd: Budget per run must be more than $0 (leave it empty for no budget)"]);
    expect(messages({ perDayUsd: -3 })).toEqual(["budget.perDayUsd: Budget per day must be more than $0 (leave it empty for no budget)"]);
    expect(messages({ perDayUsd: "ten" })).toEqual(["budget.perDayUsd: Budget per day must be a number of dollars"]);
    expect(messages({ perRunUsd: 2_000_000 })).toEqual(["budget.perRunUsd: Budget per run must be at most $1,000,000"]);
    expect(messages("lots")).toEqual(["budget: Budget must be an object with perRunUsd and perDayUsd"]);
  });
});
