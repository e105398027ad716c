import { describe, expect, it } from "vitest";
import { toStorableGraph } from "./storable";
import type { WorkflowNode } from "@/lib/workflow/types";

const node = (config: Record<string, unknown>): WorkflowNode => ({
  id: "n1",
  type: "set",
  position: { x: 1, y: 2 },
  data: { title: "N", config },
});

describe("toStorableGraph", () => {
  it("drops undefined values and keeps only the stored fields of edges", () => {
    const res = toStorableGraph({
      nodes: [node({ a: 1, b: undefined, c: { d: undefined, e: [1, { f: "x" }] } })],
      edges: [{ id: "e1", source: "n1", target: "n2", sourceHandle: undefined, label: "L" }],
    });
    expect(res).toEqual({
      ok: true,
      graph: {
        nodes: [node({ a: 1, c: { e: [1, { f: "x" }] } })],
        edges: [{ id: "e1", source: "n1", target: "n2", label: "L" }],
      },
    });
    if (res.ok) expect(Object.keys(res.graph.edges[0])).not.toContain("sourceHandle");
  });

  it("keeps keys the database refuses and lists in lists: the graph codec stores them as JSON text", () => {
    const config = { "a.b": 1, $set: 2, grid: [[1, 2]], "": 3 };
    expect(toStorableGraph({ nodes: [node(config)], edges: [] })).toEqual({ ok: true, graph: { nodes: [node(config)], edges: [] } });
  });

  it("refuses numbers that are not finite, saying where", () => {
    const res = toStorableGraph({ nodes: [node({ a: { b: Infinity }, list: [1, NaN] })], edges: [] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems.map((p) => p.path)).toEqual(["nodes.0.data.config.a.b", "nodes.0.data.config.list.1"]);
  });

  it("keeps at most the given number of problems and says there were more", () => {
    const config = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, Infinity]));
    const res = toStorableGraph({ nodes: [node(config)], edges: [] }, 20);
    expect(res).toMatchObject({ ok: false, truncated: true });
    if (!res.ok) expect(res.problems).toHaveLength(20);
  });
});
