import { describe, expect, it } from "vitest";
import { collectExpressions } from "./expression-paths";

describe("collectExpressions", () => {
  it("walks arrays with * and keeps only strings", () => {
    const config = { rows: [{ e: "a" }, { e: 3 }, null, { e: "b" }], top: "t" };
    expect(collectExpressions(config, [{ pattern: "rows.*.e", kind: "jsonata" }, { pattern: "top", kind: "template" }])).toEqual([
      { path: "rows.0.e", source: "a", kind: "jsonata" },
      { path: "rows.3.e", source: "b", kind: "jsonata" },
      { path: "top", source: "t", kind: "template" },
    ]);
  });

  it("ignores missing, inherited and mistyped parts", () => {
    expect(collectExpressions({ rows: "x" }, [{ pattern: "rows.*.e", kind: "jsonata" }])).toEqual([]);
    expect(collectExpressions({}, [{ pattern: "constructor", kind: "jsonata" }])).toEqual([]);
    expect(collectExpressions(undefined, [{ pattern: "a", kind: "jsonata" }])).toEqual([]);
  });
});
