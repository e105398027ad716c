import { describe, expect, it } from "vitest";
import { slugToolName, uniqueToolName } from "@/lib/ai/agent/tool-name";
import { toolParameters, toolResult } from "./tool-shape";

describe("tool names", () => {
  it("keeps allowed characters, replaces others, cuts at 64 and numbers repeats", () => {
    const taken = new Set<string>();
    expect(uniqueToolName("files.read", taken)).toBe("files_read");
    expect(uniqueToolName("files/read", taken)).toBe("files_read_2");
    expect(uniqueToolName("x".repeat(80), taken)).toHaveLength(64);
    expect(uniqueToolName("x".repeat(80), taken)).toBe(`${"x".repeat(62)}_2`);
    expect(uniqueToolName("", taken)).toBe("tool");
  });

  it("slugs free text: lower case, accents dropped, runs of other characters as one _", () => {
    const taken = new Set<string>();
    expect(slugToolName("Expense claim (EU)", taken)).toBe("expense_claim_eu");
    expect(slugToolName("Café – Überweisung", taken)).toBe("cafe_uberweisung");
    expect(slugToolName("Expense claim EU!", taken)).toBe("expense_claim_eu_2");
    expect(slugToolName("???", taken)).toBe("workflow");
  });
});

describe("MCP results as tool outcomes", () => {
  const meta = { server: "Files", tool: "t" };
  it("prefers structured content, else joins the text blocks and names other blocks", () => {
    expect(toolResult({ content: [{ type: "text", text: "4" }], structuredContent: { sum: 4 } }, meta)).toEqual({ ok: true, result: { sum: 4 }, meta });
    expect(toolResult({ content: [{ type: "text", text: "a" }, { type: "image", data: "…", mimeType: "image/png" }] }, meta)).toEqual({ ok: true, result: "a\n[image image/png]", meta });
    expect(toolResult({ toolResult: { legacy: true } }, meta)).toEqual({ ok: true, result: { legacy: true }, meta });
  });

  it("isError is a failure with the tool's text, or a plain message when it gave none", () => {
    expect(toolResult({ content: [{ type: "text", text: "no such file" }], isError: true }, meta)).toEqual({ ok: false, error: "no such file", meta });
    expect(toolResult({ content: [], isError: true }, meta)).toEqual({ ok: false, error: "the tool reported an error without a message", meta });
  });

  it("a tool without an object schema takes an empty object", () => {
    expect(toolParameters(undefined)).toEqual({ type: "object", properties: {} });
    expect(toolParameters({ type: "object", properties: { a: { type: "string" } } })).toEqual({ type: "object", properties: { a: { type: "string" } } });
  });
});
