import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("CSV export", () => {
  it("quotes commas, quotes and line breaks, and leaves numbers plain", () => {
    expect(toCsv(["a", "b"], [["x, y", 'say "hi"'], ["line\nbreak", 1.5], [null, undefined]])).toBe('a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",1.5\r\n,\r\n');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(toCsv(["name"], [["=HYPERLINK(\"x\")"], ["+1"], ["@SUM(A1)"], ["-2"]])).toBe("name\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n'+1\r\n'@SUM(A1)\r\n'-2\r\n");
    expect(toCsv(["n"], [[-2]])).toBe("n\r\n-2\r\n");
  });
});
