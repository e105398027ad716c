import { describe, expect, it } from "vitest";
import { checkExpression, checkJsonata, checkTemplate, hasPlaceholders, parseTemplate } from "./index";

describe("checkJsonata", () => {
  it("accepts valid expressions", () => {
    for (const source of ["amount > 100", "$sum(items.price)", 'status = "ok" and $exists(id)', "{ 'a': 1 }", "$$.x ~> $string()"]) {
      expect(checkJsonata(source), source).toBeNull();
    }
  });

  it("reports a syntax error with its position and code", () => {
    const error = checkJsonata("amount >");
    expect(error).toMatchObject({ code: "S0207", position: 8 });
    expect(error?.message).toMatch(/end of expression/);
  });

  it("reports an unclosed call and an unterminated string", () => {
    expect(checkJsonata("$sum(items")?.message).toMatch(/\)/);
    expect(checkJsonata('"abc')?.message).toMatch(/quote/);
  });

  it("treats a blank expression as an error", () => {
    expect(checkJsonata("   ")).toMatchObject({ position: 0 });
  });

  it("returns the same answer from its cache", () => {
    expect(checkJsonata("1 2")).toEqual(checkJsonata("1 2"));
    expect(checkJsonata("1 2")).not.toBeNull();
  });
});

describe("parseTemplate", () => {
  it("splits text and placeholders with offsets", () => {
    expect(parseTemplate("Hi {{ name }}!")).toEqual([
      { kind: "text", value: "Hi ", start: 0 },
      { kind: "expression", source: " name ", start: 5, end: 11 },
      { kind: "text", value: "!", start: 13 },
    ]);
  });

  it("handles plain text, empty text and adjacent placeholders", () => {
    expect(parseTemplate("")).toEqual([]);
    expect(parseTemplate("plain")).toEqual([{ kind: "text", value: "plain", start: 0 }]);
    expect(parseTemplate("{{a}}{{b}}").map((p) => p.kind)).toEqual(["expression", "expression"]);
  });

  it("does not stop at braces inside objects or strings", () => {
    const parts = parseTemplate('x {{ {"a": {"b": "}}"}} }} y');
    expect(parts[1]).toMatchObject({ kind: "expression", source: ' {"a": {"b": "}}"}} ' });
    expect(parts[2]).toMatchObject({ kind: "text", value: " y" });
  });

  it("keeps an unclosed placeholder as text", () => {
    expect(parseTemplate("a {{ b")).toEqual([{ kind: "text", value: "a {{ b", start: 0 }]);
  });
});

describe("checkTemplate", () => {
  it("accepts templates with valid placeholders and plain text", () => {
    expect(checkTemplate("Invoice {{ invoice.number }} is due {{ $now() }}")).toBeNull();
    expect(checkTemplate("no placeholders")).toBeNull();
    expect(checkTemplate("")).toBeNull();
  });

  it("reports a JSONata error at its offset in the whole template", () => {
    const error = checkTemplate("Total: {{ amount + }}");
    expect(error).not.toBeNull();
    expect(error!.position).toBeGreaterThan(9);
    expect(error!.position).toBeLessThanOrEqual(19);
  });

  it("reports an unclosed placeholder where it opens", () => {
    expect(checkTemplate("Hello {{ name")).toMatchObject({ position: 6, message: expect.stringMatching(/Unclosed/) });
  });

  it("reports an empty placeholder", () => {
    expect(checkTemplate("a {{  }} b")?.message).toMatch(/Empty/);
  });

  it("knows whether a text has placeholders", () => {
    expect(hasPlaceholders("https://x/{{ id }}")).toBe(true);
    expect(hasPlaceholders("https://x/{{ id")).toBe(false);
  });
});

describe("checkExpression", () => {
  it("dispatches on the kind", () => {
    expect(checkExpression("a +", "jsonata")).not.toBeNull();
    expect(checkExpression("a +", "template")).toBeNull();
    expect(checkExpression("{{ a + }}", "template")).not.toBeNull();
  });
});

describe("checkJsonata on long input", () => {
  it("checks sources too long to cache the same way", () => {
    const long = `${"a + ".repeat(200)}1`;
    expect(checkJsonata(long)).toBeNull();
    expect(checkJsonata(`${long} +`)).not.toBeNull();
  });
});
