import { describe, expect, it } from "vitest";
import type { FormField } from "@/lib/nodes/human/form-field";
import { checkFormValues } from "./form";

const fields: FormField[] = [
  { name: "comment", label: "Comment", kind: "textarea", required: false, max: 20 },
  { name: "amount", label: "Approved amount", kind: "number", required: true, min: 1, max: 5_000 },
  { name: "reason", label: "Reason", kind: "select", required: true, options: ["budget", "policy"] },
  { name: "checked", label: "Receipts checked", kind: "checkbox", required: true },
  { name: "payOn", label: "Pay on", kind: "date", required: false },
];

describe("task form values", () => {
  it("accepts typed values and form posts alike, dropping unknown keys", () => {
    expect(checkFormValues(fields, { amount: 120, reason: "budget", checked: true, extra: "x" })).toEqual({
      ok: true,
      values: { comment: null, amount: 120, reason: "budget", checked: true, payOn: null },
    });
    expect(checkFormValues(fields, { comment: " ok ", amount: "99.5", reason: "policy", checked: "on", payOn: "2026-02-28" })).toEqual({
      ok: true,
      values: { comment: "ok", amount: 99.5, reason: "policy", checked: true, payOn: "2026-02-28" },
    });
  });

  it("names each wrong field with a message a person can act on", () => {
    const result = checkFormValues(fields, { comment: "x".repeat(21), amount: "9000", reason: "whim", payOn: "2026-02-30" });
    expect(result).toEqual({
      ok: false,
      errors: {
        comment: ["Comment may have at most 20 characters"],
        amount: ["Approved amount must be at most 5000"],
        reason: ["Choose one of: budget, policy"],
        checked: ["Receipts checked must be checked"],
        payOn: ["Pay on is not a real date"],
      },
    });
    expect(checkFormValues(fields, { reason: "budget", checked: true })).toMatchObject({ ok: false, errors: { amount: ["Approved amount is required"] } });
    expect(checkFormValues(fields, { amount: "abc", reason: "budget", checked: true })).toMatchObject({ errors: { amount: ["Approved amount must be a number"] } });
  });
});
