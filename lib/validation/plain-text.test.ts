import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainText, plainTextProblem } from "./plain-text";

describe("plainTextProblem", () => {
  it("passes ordinary text in any script, emoji included", () => {
    for (const ok of ["Expense approval", "Überprüfung – 2026", "مراجعة المحتوى", "审批 🚀", "a\u200fb"]) expect(plainTextProblem(ok, "Name")).toBeNull();
  });

  it("refuses control characters, NUL, lone surrogates and bidirectional overrides, naming the field and the character", () => {
    expect(plainTextProblem("a\u0000b", "Name")).toBe("Name contains a control character (U+0000); remove it.");
    expect(plainTextProblem("a\nb", "Node title")).toBe("Node title contains a control character (U+000A); remove it.");
    expect(plainTextProblem("a\u009bb", "Name")).toContain("U+009B");
    expect(plainTextProblem("a\ud800", "Name")).toBe("Name contains a broken character (a lone U+D800); retype it.");
    expect(plainTextProblem("\udc00x", "Name")).toContain("lone U+DC00");
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(plainTextProblem(`invoice${String.fromCharCode(cp)}exe`, "Name")).toContain("invisible text-direction character");
    }
  });

  it("lets line breaks and tabs through in multi-line text only", () => {
    expect(plainTextProblem("line 1\r\n\tline 2", "Version notes", true)).toBeNull();
    expect(plainTextProblem("a\u0000", "Version notes", true)).toContain("U+0000");
  });

  it("plainText() adds the problem as a zod issue", () => {
    const schema = plainText(z.string().trim(), "Name");
    expect(schema.safeParse("fine").success).toBe(true);
    expect(schema.safeParse("bad\u202e").error?.issues[0].message).toContain("Name contains an invisible text-direction character (U+202E)");
  });
});
