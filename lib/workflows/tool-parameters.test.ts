import { describe, expect, it } from "vitest";
import { checkRunInput, type InputField } from "@/lib/runtime/run-input";
import { toolParametersOf } from "./tool-parameters";

const fields: InputField[] = [
  { name: "employee", label: "Employee", type: "string", required: true, description: "Their email" },
  { name: "amount", type: "number", required: true },
  { name: "urgent", type: "boolean", required: false },
  { name: "spentOn", label: "Spent on", type: "date", required: false },
  { name: "details", type: "object", required: false },
];

describe("toolParametersOf", () => {
  it("describes each Start field with its JSON type, label, description and whether it is required", () => {
    expect(toolParametersOf(fields)).toEqual({
      type: "object",
      properties: {
        employee: { type: "string", maxLength: 100_000, title: "Employee", description: "Their email" },
        amount: { type: "number" },
        urgent: { type: "boolean" },
        spentOn: { type: "string", title: "Spent on", description: "A date: YYYY-MM-DD or an ISO date-time." },
        details: { type: "object" },
      },
      required: ["employee", "amount"],
    });
  });

  it("a workflow without fields takes an empty object, and arguments the schema describes pass the run-input check", () => {
    expect(toolParametersOf([])).toEqual({ type: "object", properties: {} });
    expect(checkRunInput(fields, { employee: "a@b.c", amount: 3, urgent: true, spentOn: "2026-12-01", details: { k: 1 } })).toMatchObject({ ok: true });
  });
});
