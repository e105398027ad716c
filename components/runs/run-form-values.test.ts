import { describe, expect, it } from "vitest";
import type { InputField } from "@/lib/runtime/run-input";
import { emptyRunFormValues, runInputFromForm } from "./run-form-values";

const fields: InputField[] = [
  { name: "amount", label: "Amount", type: "number", required: true },
  { name: "reason", type: "string", required: true },
  { name: "urgent", type: "boolean", required: false },
  { name: "when", type: "date", required: false },
  { name: "extra", label: "Extra", type: "object", required: false },
];

describe("run dialog values → run input", () => {
  it("starts with blank text and unchecked boxes", () => {
    expect(emptyRunFormValues(fields)).toEqual({ amount: "", reason: "", urgent: false, when: "", extra: "" });
  });

  it("parses numbers and JSON, keeps booleans, drops blank optional fields", () => {
    const result = runInputFromForm(fields, { amount: " 120.5 ", reason: "Team dinner", urgent: true, when: "", extra: '{"tags":["food"]}' });
    expect(result).toEqual({ ok: true, input: { amount: 120.5, reason: "Team dinner", urgent: true, extra: { tags: ["food"] } } });
  });

  it("names each bad field: not a number, bad JSON, required but blank", () => {
    const result = runInputFromForm(fields, { amount: "12abc", reason: "  ", urgent: false, when: "tomorrow", extra: "{oops" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.amount).toEqual(["Amount must be a number"]);
    expect(result.errors.reason).toEqual(["reason is required"]);
    expect(result.errors.when?.[0]).toMatch(/must be a date/);
    expect(result.errors.extra?.[0]).toMatch(/Extra must be JSON/);
    expect(result.message).toMatch(/^The run input was refused: /);
  });
});
