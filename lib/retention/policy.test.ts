import { describe, expect, it } from "vitest";
import { policyToForm, prunedNotice, retentionFormSchema } from "./policy";

describe("the retention policy's form and texts", () => {
  it("parses the form's text into a policy; an empty count is no limit", () => {
    expect(retentionFormSchema.parse({ keepDays: " 30 ", keepPerWorkflow: "" })).toEqual({ keepDays: 30, keepPerWorkflow: null });
    expect(retentionFormSchema.parse({ keepDays: "7", keepPerWorkflow: "500" })).toEqual({ keepDays: 7, keepPerWorkflow: 500 });
    expect(policyToForm({ keepDays: 30, keepPerWorkflow: null })).toEqual({ keepDays: "30", keepPerWorkflow: "" });
  });

  it("refuses fractions, signs and out-of-range values with the field named", () => {
    const issues = (input: unknown) => retentionFormSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ keepDays: "1.5", keepPerWorkflow: "" })).toEqual(["keepDays: Days to keep: use a whole number, like 30, without signs, dots or letters."]);
    expect(issues({ keepDays: "3651", keepPerWorkflow: "1000001" })).toEqual([
      "keepDays: Days to keep: at most 3650 days (10 years).",
      "keepPerWorkflow: Runs kept per workflow: at most 1,000,000, or leave it empty for no limit.",
    ]);
    expect(issues({ keepDays: 30 })?.[0]).toMatch(/^keepDays: Days to keep must be text/);
  });

  it("says on the run page why its details are gone", () => {
    expect(prunedNotice({ reason: "age", limit: 30 }, "3 Dec 2026")).toBe(
      "Step inputs, outputs and the event log of this run were removed on 3 Dec 2026 by the retention policy (30 days).",
    );
    expect(prunedNotice({ reason: "count", limit: 500 }, "3 Dec 2026")).toBe(
      "Step inputs, outputs and the event log of this run were removed on 3 Dec 2026 by the retention policy (the newest 500 finished runs of each workflow keep their details).",
    );
  });
});
