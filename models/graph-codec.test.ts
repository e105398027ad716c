import { describe, expect, it } from "vitest";
import type { WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";
import { decodeGraph, encodeGraph, fitsKeyRules, graphJson } from "./graph-codec";

const node = (id: string, config: Record<string, unknown>, type = "set"): WorkflowNode => ({
  id,
  type,
  position: { x: 1, y: 2 },
  data: { title: id.toUpperCase(), config },
});

describe("graph codec", () => {
  it("stores nodes and edges as plain arrays, configs as subdocuments, and reads them back", () => {
    const graph: WorkflowGraph = {
      nodes: [node("a", { model: "gpt", nested: { list: [{ k: 1 }], empty: {} } }, "ai"), node("b", {})],
      edges: [{ id: "e1", source: "a", target: "b", sourceHandle: "success", label: "ok", condition: "x > 1" }],
    };
    const stored = encodeGraph(graph);
    expect(stored.nodes[0]).toEqual({ id: "a", type: "ai", position: { x: 1, y: 2 }, data: { title: "A", config: graph.nodes[0].data.config } });
    expect(stored.edges).toEqual(graph.edges);
    expect(decodeGraph(stored)).toEqual(graph);
  });

  it("keeps only a node whose config breaks the database's key rules as JSON text", () => {
    const odd = { $set: { "a.b": [[1, 2]] }, "nul\u0000key": true };
    const stored = encodeGraph({ nodes: [node("a", odd), node("b", { fine: 1 })], edges: [] });
    expect(stored.nodes[0].data).toEqual({ title: "A", configJson: JSON.stringify(odd) });
    expect(stored.nodes[1].data).toEqual({ title: "B", config: { fine: 1 } });
    expect(decodeGraph(stored).nodes.map((n) => n.data.config)).toEqual([odd, { fine: 1 }]);
  });

  it("prefers configJson when both are present, and reads unreadable text as an empty config", () => {
    const stored = {
      nodes: [
        { id: "a", type: "set", position: { x: 0, y: 0 }, data: { title: "A", config: { old: 1 }, configJson: '{"$new":2}' } },
        { id: "b", type: "set", position: { x: 0, y: 0 }, data: { title: "B", configJson: "{not json" } },
      ],
      edges: [],
    };
    expect(decodeGraph(stored).nodes.map((n) => n.data)).toEqual([
      { title: "A", config: { $new: 2 } },
      { title: "B", config: {} },
    ]);
  });

  it("reads a document without arrays as an empty graph", () => {
    expect(decodeGraph(null)).toEqual({ nodes: [], edges: [] });
    expect(decodeGraph({ nodes: "nope" })).toEqual({ nodes: [], edges: [] });
  });

  it("tells which values fit the key rules measured on FerretDB 1.24", () => {
    expect(fitsKeyRules({ a: [{ b: [1] }], "": 1, "a$b": 2, "é 😀": 3 })).toBe(true);
    expect(fitsKeyRules({ $a: 1 })).toBe(false);
    expect(fitsKeyRules({ x: { "a.b": 1 } })).toBe(false);
    expect(fitsKeyRules({ "a\u0000": 1 })).toBe(false);
    expect(fitsKeyRules({ grid: [[1]] })).toBe(false);
  });

  it("gives the same canonical JSON the graph was stored as before, so run_graphs ids stay", () => {
    const graph: WorkflowGraph = { nodes: [node("a", { x: 1 })], edges: [{ id: "e", source: "a", target: "a" }] };
    expect(graphJson(graph)).toBe(JSON.stringify({ nodes: graph.nodes, edges: graph.edges }));
  });
});
