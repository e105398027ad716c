import { describe, expect, it } from "vitest";
import { node, validGraph } from "@/lib/engine/test-graphs";
import { diffGraphs } from "@/lib/workflows/diff";
import { changeValue, comparisonOf, diffRows, settingLabel, summarizeDiff, VALUE_LIMIT } from "./version-compare";

function edited() {
  const a = validGraph();
  const b = structuredClone(a);
  b.nodes = b.nodes.filter((n) => n.id !== "approve");
  b.nodes.push(node("notify", "notification"));
  b.nodes.find((n) => n.id === "check")!.data.config = { branches: [{ id: "big", label: "Big", condition: "$input.amount > 500" }] };
  b.nodes.find((n) => n.id === "start")!.position = { x: 120.4, y: -40 };
  b.edges = b.edges.filter((e) => e.source !== "approve" && e.target !== "approve");
  return diffGraphs(a, b);
}

describe("version comparison", () => {
  it("maps ids to highlight states, and keeps the removed nodes to outline", () => {
    const c = comparisonOf(edited(), "v1 → v2");
    expect(c.nodes.get("notify")).toBe("added");
    expect(c.nodes.get("approve")).toBe("removed");
    expect(c.nodes.get("check")).toBe("changed");
    expect(c.nodes.get("start")).toBe("moved");
    expect(c.edges.get("check-big-approve")).toBe("removed");
    expect(c.ghosts.map((g) => g.id)).toEqual(["approve"]);
  });

  it("lists a row per node and connection, with the settings that changed", () => {
    const rows = diffRows(edited());
    expect(rows.filter((r) => r.kind === "node").map((r) => [r.id, r.status])).toEqual([
      ["notify", "added"],
      ["approve", "removed"],
      ["check", "changed"],
      ["start", "moved"],
    ]);
    const check = rows.find((r) => r.id === "check")!;
    const condition = check.fields.find((f) => f.path === "config.branches.0.condition")!;
    expect(settingLabel(condition.path)).toBe("branches › #1 › condition");
    expect(changeValue(condition, "after")).toBe("“$input.amount > 500”");
    const start = rows.find((r) => r.id === "start")!;
    expect(changeValue(start.fields[0], "before")).toBe("(0, 0)");
    expect(changeValue(start.fields[0], "after")).toBe("(120, -40)");
  });

  it("shows an absent side as (none) and cuts long values", () => {
    expect(changeValue({ path: "label", after: "go" }, "before")).toBe("(none)");
    const long = changeValue({ path: "config.body", before: "x".repeat(400) }, "before");
    expect(long).toHaveLength(VALUE_LIMIT);
    expect(long.endsWith("…")).toBe(true);
    expect(changeValue({ path: "config.retries", before: 2, after: null }, "after")).toBe("null");
  });

  it("summarizes for the conflict dialog", () => {
    expect(summarizeDiff(edited())).toBe("1 node added, 1 node removed, 1 node changed, 1 node moved, 3 connections removed");
    expect(summarizeDiff(diffGraphs(validGraph(), validGraph()))).toMatch(/no differences/);
  });
});
