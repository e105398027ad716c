import { describe, expect, it } from "vitest";
import { edge, node, validGraph } from "@/lib/engine/test-graphs";
import { diffGraphs, fieldChanges, FIELD_CHANGES_LIMIT, isEmptyDiff } from "./diff";

describe("diffGraphs", () => {
  it("finds nothing between a graph and its copy, whatever the key order", () => {
    const a = validGraph();
    const b = structuredClone(a);
    b.nodes[1].data.config = Object.fromEntries(Object.entries(b.nodes[1].data.config).reverse());
    const diff = diffGraphs(a, b);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.fields).toEqual({ nodes: {}, edges: {} });
    expect(diff.ghosts).toEqual([]);
  });

  it("reports nodes and edges added, removed and changed by id", () => {
    const a = validGraph();
    const b = structuredClone(a);
    b.nodes = b.nodes.filter((n) => n.id !== "approve");
    b.nodes.push(node("notify", "notification"));
    b.nodes.find((n) => n.id === "fetch")!.data.title = "Fetch the invoice";
    b.edges = b.edges.filter((e) => !e.source.startsWith("approve") && e.target !== "approve");
    b.edges.push(edge("check", "notify", "big"));
    b.edges.find((e) => e.id === "start--fetch")!.label = "go";

    const diff = diffGraphs(a, b);
    expect(diff.nodes).toEqual({ added: ["notify"], removed: ["approve"], changed: ["fetch"], moved: [] });
    expect(diff.edges).toEqual({
      added: ["check-big-notify"],
      removed: ["check-big-approve", "approve-approve-done", "approve-reject-done"],
      changed: ["start--fetch"],
    });
    expect(diff.fields.nodes.fetch).toEqual([{ path: "title", before: "fetch", after: "Fetch the invoice" }]);
    expect(diff.fields.edges["start--fetch"]).toEqual([{ path: "label", after: "go" }]);
    // The removed node keeps its name and place, for the list and the canvas outline.
    expect(diff.titles.approve).toBe("approve");
    expect(diff.ghosts).toEqual([{ id: "approve", title: "approve", type: "human", position: { x: 0, y: 0 } }]);
  });

  it("says which setting changed from what to what", () => {
    const a = validGraph();
    const b = structuredClone(a);
    b.nodes[2].data.config = { branches: [{ id: "big", label: "Big", condition: "amount > 500" }] };
    b.nodes[4].type = "set";
    const before = (a.nodes[2].data.config.branches as { condition: string }[])[0].condition;
    const diff = diffGraphs(a, b);
    expect(diff.nodes.changed).toEqual(["check", "done"]);
    expect(diff.fields.nodes.check).toContainEqual({ path: "config.branches.0.condition", before, after: "amount > 500" });
    expect(diff.fields.nodes.done[0]).toEqual({ path: "type", before: "end", after: "set" });
  });

  it("counts a node that only moved as moved, and one that moved and changed as changed with its position", () => {
    const a = validGraph();
    const b = structuredClone(a);
    b.nodes[0].position = { x: 10, y: 0 };
    b.nodes[1].position = { x: 0, y: 40 };
    b.nodes[1].data.title = "Fetch";
    const diff = diffGraphs(a, b);
    expect(diff.nodes.moved).toEqual(["start"]);
    expect(diff.nodes.changed).toEqual(["fetch"]);
    expect(diff.fields.nodes.start).toEqual([{ path: "position", before: { x: 0, y: 0 }, after: { x: 10, y: 0 } }]);
    expect(diff.fields.nodes.fetch.map((c) => c.path)).toEqual(["title", "position"]);
    expect(isEmptyDiff(diffGraphs(a, { ...a, nodes: a.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 1, y: 0 } } : n)) }))).toBe(false);
  });

  it("treats a missing handle and an undefined one alike, but a new target as a change", () => {
    const a = { nodes: [], edges: [{ id: "e", source: "a", target: "b" }] };
    const b = { nodes: [], edges: [{ id: "e", source: "a", target: "b", sourceHandle: undefined }] };
    expect(isEmptyDiff(diffGraphs(a, b))).toBe(true);
    const moved = diffGraphs(a, { nodes: [], edges: [{ id: "e", source: "a", target: "c" }] });
    expect(moved.edges.changed).toEqual(["e"]);
    expect(moved.fields.edges.e).toEqual([{ path: "target", before: "b", after: "c" }]);
    expect(moved.edgeEnds).toEqual({ e: { source: "a", target: "c" } });
  });

  it("names the ends of removed edges, and ignores an edge's copy of its branch condition", () => {
    const a = { nodes: [], edges: [{ id: "gone", source: "x", target: "y" }, { id: "e", source: "d", target: "z", sourceHandle: "big", condition: "amount > 1" }] };
    const b = { nodes: [], edges: [{ id: "e", source: "d", target: "z", sourceHandle: "big", condition: "amount > 2" }] };
    const diff = diffGraphs(a, b);
    expect(diff.edges).toEqual({ added: [], removed: ["gone"], changed: [] });
    expect(diff.edgeEnds).toEqual({ gone: { source: "x", target: "y" } });
  });
});

describe("fieldChanges", () => {
  it("walks objects and lists to the leaves that differ, and names what was added or removed", () => {
    expect(fieldChanges({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3, 4] }, d: "x" }, "config")).toEqual([
      { path: "config.b.c.1", before: 2, after: 3 },
      { path: "config.b.c.2", after: 4 },
      { path: "config.d", after: "x" },
    ]);
    expect(fieldChanges({ list: [1] }, { list: "now text" }, "")).toEqual([{ path: "list", before: [1], after: "now text" }]);
  });

  it("lists at most a limit of settings per node, then says how many more", () => {
    const many = (v: number) => Object.fromEntries(Array.from({ length: FIELD_CHANGES_LIMIT + 7 }, (_, i) => [`k${String(i).padStart(3, "0")}`, v]));
    const a = { nodes: [node("n", "set", many(1))], edges: [] };
    const b = { nodes: [node("n", "set", many(2))], edges: [] };
    const changes = diffGraphs(a, b).fields.nodes.n;
    expect(changes).toHaveLength(FIELD_CHANGES_LIMIT + 1);
    expect(changes.at(-1)).toEqual({ path: "… and 7 more settings" });
  });
});
