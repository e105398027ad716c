import { describe, expect, it } from "vitest";
import { edge, node, validGraph } from "@/lib/engine/test-graphs";
import { diffGraphs, isEmptyDiff } from "./diff";

describe("diffGraphs", () => {
  it("finds nothing between a graph and its copy, whatever the key order", () => {
    const a = validGraph();
    const b = structuredClone(a);
    b.nodes[1].data.config = Object.fromEntries(Object.entries(b.nodes[1].data.config).reverse());
    const diff = diffGraphs(a, b);
    expect(isEmptyDiff(diff)).toBe(true);
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

    expect(diffGraphs(a, b)).toEqual({
      nodes: { added: ["notify"], removed: ["approve"], changed: ["fetch"] },
      edges: {
        added: ["check-big-notify"],
        removed: ["check-big-approve", "approve-approve-done", "approve-reject-done"],
        changed: ["start--fetch"],
      },
    });
  });

  it("counts a move, a type change and a config change as changes", () => {
    const a = validGraph();
    const b = structuredClone(a);
    b.nodes[0].position = { x: 10, y: 0 };
    b.nodes[2].data.config = { branches: [{ id: "big", label: "Big", condition: "amount > 500" }] };
    b.nodes[4].type = "set";
    expect(diffGraphs(a, b).nodes.changed).toEqual(["start", "check", "done"]);
  });

  it("treats a missing handle and an undefined one alike, but a new target as a change", () => {
    const a = { nodes: [], edges: [{ id: "e", source: "a", target: "b" }] };
    const b = { nodes: [], edges: [{ id: "e", source: "a", target: "b", sourceHandle: undefined }] };
    expect(isEmptyDiff(diffGraphs(a, b))).toBe(true);
    expect(diffGraphs(a, { nodes: [], edges: [{ id: "e", source: "a", target: "c" }] }).edges.changed).toEqual(["e"]);
  });
});
