import { describe, expect, it } from "vitest";
import { checkRunInput, startFields, type InputField } from "./run-input";

const fields: InputField[] = [
  { name: "amount", label: "Amount", type: "number", required: true },
  { name: "note", type: "string", required: false },
  { name: "due", label: "Due date", type: "date", required: false },
  { name: "urgent", type: "boolean", required: false },
  { name: "meta", type: "object", required: false },
];

describe("checkRunInput", () => {
  it("accepts valid input, drops blank optional fields and keeps undeclared keys", () => {
    const res = checkRunInput(fields, { amount: 12.5, note: "", due: "2026-12-01", urgent: false, meta: { a: 1 }, extra: "kept" });
    expect(res).toEqual({ ok: true, input: { amount: 12.5, due: "2026-12-01", urgent: false, meta: { a: 1 }, extra: "kept" } });
  });

  it("names every field that fails, by its label", () => {
    const res = checkRunInput(fields, { amount: "12", due: "tomorrow", urgent: "yes", meta: [1] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors).toEqual({
      amount: ["Amount must be a number"],
      due: ["Due date must be a date (YYYY-MM-DD or an ISO date-time)"],
      urgent: ["urgent must be true or false"],
      meta: ["meta must be an object"],
    });
    expect(res.message).toBe("The run input was refused: Amount must be a number (and 3 more fields).");
  });

  it("requires required fields and refuses a non-object input", () => {
    expect(checkRunInput(fields, {})).toMatchObject({ ok: false, errors: { amount: ["Amount is required"] } });
    expect(checkRunInput(fields, null)).toMatchObject({ ok: false, errors: { amount: ["Amount is required"] } });
    expect(checkRunInput([], [1, 2])).toMatchObject({ ok: false, errors: { input: [expect.any(String)] } });
    expect(checkRunInput([], undefined)).toEqual({ ok: true, input: {} });
  });

  it("reads the fields from the graph's start node", () => {
    const graph = { nodes: [{ id: "s", type: "start", position: { x: 0, y: 0 }, data: { title: "", config: { fields } } }], edges: [] };
    expect(startFields(graph)).toEqual(fields);
    expect(startFields({ nodes: [], edges: [] })).toEqual([]);
  });
});
