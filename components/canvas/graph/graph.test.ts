import { describe, expect, it } from "vitest";
import { validateWorkflow } from "@/lib/engine/validate";
import { wfEdge, wfNode, smallGraph } from "../store/test-fixtures";
import { NODE_SIZE, type FlowEdge, type FlowNode } from "../types";
import { nodeSize } from "../nodes/node-layout";
import { CLIPBOARD_KIND, parseFragment, serializeFragment } from "./clipboard";
import { toFlowGraph, toWorkflowGraph } from "./convert";
import { edgeMeta } from "./edge-meta";
import { newNodeId } from "./ids";
import { layeredLayout, rankNodes } from "./layered-layout";
import { layoutGraph } from "./layout";
import { syntheticWorkflow } from "@/lib/workflow/synthetic";
import { connectionRefusal, pasteFragment, pasteShift, type GraphFragment } from "./operations";
import { freeSpot } from "./placement";

describe("toWorkflowGraph", () => {
  it("keeps only stored fields: no selection, sizes, drag flags or React Flow extras", () => {
    const flow = toFlowGraph(smallGraph());
    const node: FlowNode = {
      ...flow.nodes[1],
      selected: true,
      dragging: true,
      measured: { width: 240, height: 90 },
      width: 240,
      zIndex: 1000,
      className: "x",
    };
    const edge: FlowEdge = { ...flow.edges[1], selected: true, animated: true, style: { stroke: "red" } };
    const graph = toWorkflowGraph({ nodes: [node], edges: [edge] });
    expect(graph.nodes[0]).toEqual({ id: "check", type: "decision", position: { x: 300, y: 0 }, data: smallGraph().nodes[1].data });
    expect(Object.keys(graph.edges[0]).sort()).toEqual(["id", "source", "sourceHandle", "target"]);
  });

  it("round-trips a stored graph unchanged, labels and conditions included", () => {
    const graph = smallGraph();
    graph.edges[1] = { ...graph.edges[1], label: "Big", condition: "amount > 100" };
    expect(toWorkflowGraph(toFlowGraph(graph))).toEqual(graph);
  });
});

describe("edgeMeta", () => {
  const flow = toFlowGraph(smallGraph());
  const byId = (id: string) => flow.nodes.find((n) => n.id === id);
  it("labels branches with their condition, human outcomes, and error paths; not a lone output", () => {
    expect(edgeMeta(byId("check"), "big")).toEqual({ label: "Big", condition: "amount > 100" });
    expect(edgeMeta(byId("check"), "default")).toEqual({ label: "Otherwise" });
    expect(edgeMeta(byId("approve"), "reject")).toEqual({ label: "Reject" });
    expect(edgeMeta(byId("start"), null)).toEqual({});
    const action = toFlowGraph({ nodes: [wfNode("a", "action")], edges: [] }).nodes[0];
    expect(edgeMeta(action, "success")).toEqual({});
    expect(edgeMeta(action, "error")).toEqual({ label: "On error" });
  });
});

describe("ids", () => {
  it("are JSONata-friendly and avoid taken ones", () => {
    const id = newNodeId("set");
    expect(id).toMatch(/^set_[a-z0-9]{8}$/);
    expect(newNodeId("weird type!")).toMatch(/^node_/);
  });
});

describe("clipboard JSON", () => {
  const fragment: GraphFragment = { nodes: [wfNode("a", "set"), wfNode("b", "end")], edges: [wfEdge("e", "a", "b")] };

  it("round-trips a fragment", () => {
    const text = serializeFragment(fragment);
    expect(JSON.parse(text).kind).toBe(CLIPBOARD_KIND);
    expect(parseFragment(text)).toEqual(fragment);
  });

  it("ignores text that is not a fragment of ours", () => {
    expect(parseFragment("hello")).toBeNull();
    expect(parseFragment("{not json")).toBeNull();
    expect(parseFragment(JSON.stringify({ nodes: [], edges: [] }))).toBeNull();
    expect(parseFragment(JSON.stringify({ kind: CLIPBOARD_KIND, version: 99, nodes: fragment.nodes, edges: [] }))).toBeNull();
    const badId = { ...fragment.nodes[0], id: "has space" };
    expect(parseFragment(JSON.stringify({ kind: CLIPBOARD_KIND, version: 1, nodes: [badId], edges: [] }))).toBeNull();
  });

  it("drops unknown node types and the edges that touched them, and strips extra keys", () => {
    const odd = { ...wfNode("x", "teleport"), selected: true };
    const text = JSON.stringify({
      kind: CLIPBOARD_KIND,
      version: 1,
      nodes: [{ ...fragment.nodes[0], selected: true, measured: { width: 1 } }, odd],
      edges: [wfEdge("e1", "a", "x")],
    });
    const parsed = parseFragment(text)!;
    expect(parsed.nodes.map((n) => n.id)).toEqual(["a"]);
    expect(parsed.nodes[0]).not.toHaveProperty("selected");
    expect(parsed.edges).toEqual([]);
    expect(parseFragment(JSON.stringify({ kind: CLIPBOARD_KIND, version: 1, nodes: [odd], edges: [] }))).toBeNull();
  });
});

describe("paste", () => {
  const fragment: GraphFragment = {
    nodes: [wfNode("a", "set", 10, 20), wfNode("b", "end", 310, 20), wfNode("a", "set", 0, 0)],
    edges: [wfEdge("e1", "a", "b"), wfEdge("e2", "b", "gone")],
  };

  it("gives every node and edge a new id, remaps edges, drops dangling ones and repeated ids", () => {
    const doc = toFlowGraph(smallGraph());
    const { doc: next, ids } = pasteFragment(doc, fragment);
    expect(ids).toHaveLength(2);
    const pasted = next.nodes.filter((n) => ids.includes(n.id));
    expect(pasted.map((n) => n.type)).toEqual(["set", "end"]);
    expect(ids.some((id) => ["a", "b", ...doc.nodes.map((n) => n.id)].includes(id))).toBe(false);
    const newEdges = next.edges.slice(doc.edges.length);
    expect(newEdges).toHaveLength(1);
    expect(newEdges[0]).toMatchObject({ source: ids[0], target: ids[1] });
    expect(doc.edges.map((e) => e.id)).not.toContain(newEdges[0].id);
    // the result is still a graph the validator can read, with unique ids
    const problems = validateWorkflow(toWorkflowGraph(next)).filter((p) => p.code.startsWith("duplicate"));
    expect(problems).toEqual([]);
  });

  it("offsets a paste next to the original, further for each copy already there", () => {
    const doc = toFlowGraph({ nodes: [wfNode("a", "set", 10, 20)], edges: [] });
    expect(pasteShift(doc.nodes, fragment)).toEqual({ x: 40, y: 40 });
    const once = pasteFragment(doc, fragment).doc;
    expect(pasteShift(once.nodes, fragment)).toEqual({ x: 80, y: 80 });
    expect(pasteShift(doc.nodes, fragment, { x: 500, y: 500 })).toEqual({ x: 500, y: 500 });
  });

  it("gives a pasted copy its own title next to the original's", () => {
    const doc = toFlowGraph({ nodes: [wfNode("a", "set", 10, 20)], edges: [] });
    const once = pasteFragment(doc, { nodes: [wfNode("a", "set", 10, 20)], edges: [] }).doc;
    const twice = pasteFragment(once, { nodes: [wfNode("a", "set", 10, 20)], edges: [] }).doc;
    const title = doc.nodes[0].data.title;
    expect(twice.nodes.map((n) => n.data.title)).toEqual([title, `${title} 2`, `${title} 3`]);
  });
});

describe("connectionRefusal", () => {
  const edges = toFlowGraph(smallGraph()).edges;
  it("refuses self-loops and repeats, allows the rest", () => {
    expect(connectionRefusal(edges, { source: "a", target: "a" })).toMatch(/itself/);
    expect(connectionRefusal(edges, { source: "check", target: "approve", sourceHandle: "big" })).toMatch(/already/);
    expect(connectionRefusal(edges, { source: "check", target: "approve", sourceHandle: "default" })).toBeNull();
  });
});

describe("layoutGraph", () => {
  it("lays the flow out left to right, snapped to the grid", () => {
    const { nodes, edges } = toFlowGraph(smallGraph());
    const positions = layoutGraph(nodes, edges, { grid: 16 });
    const x = (id: string) => positions.get(id)!.x;
    expect(positions.size).toBe(4);
    expect(x("start")).toBeLessThan(x("check"));
    expect(x("check")).toBeLessThan(x("approve"));
    expect(x("approve")).toBeLessThan(x("done"));
    for (const p of positions.values()) expect([p.x % 16, p.y % 16].every((r) => Math.abs(r) === 0)).toBe(true);
  });
});

describe("layeredLayout (big graphs)", () => {
  const overlaps = (positions: Map<string, { x: number; y: number }>, w: number, h: number) => {
    const list = [...positions.values()];
    const cells = new Set(list.map((p) => `${Math.round(p.x / w)},${Math.round(p.y / h)}`));
    return cells.size !== list.length;
  };

  it("ranks by longest path, ignoring the edges that close loops", () => {
    const input = {
      nodes: ["s", "a", "b", "c"].map((id) => ({ id, width: 100, height: 50, isStart: id === "s" })),
      edges: [
        { source: "s", target: "a" },
        { source: "a", target: "b" },
        { source: "b", target: "a" }, // loop back
        { source: "a", target: "c" },
        { source: "b", target: "c" },
      ],
    };
    expect(Object.fromEntries(rankNodes(input).rank)).toEqual({ s: 0, a: 1, b: 2, c: 3 });
    const positions = layeredLayout(input, { rankSep: 50, nodeSep: 20 });
    expect(positions.get("s")!.x).toBeLessThan(positions.get("a")!.x);
    expect(positions.get("b")!.x).toBeLessThan(positions.get("c")!.x);
  });

  it("lays out 5,000 nodes without overlaps (and without dagre)", () => {
    const { nodes, edges } = toFlowGraph(syntheticWorkflow(5_000));
    const started = performance.now();
    const positions = layoutGraph(nodes, edges);
    expect(performance.now() - started).toBeLessThan(5_000); // dagre takes minutes here
    expect(positions.size).toBe(5_000);
    expect(overlaps(positions, 10, 10)).toBe(false);
  });
});

describe("freeSpot", () => {
  const at = (id: string, x: number, y: number, type = "set", config: Record<string, unknown> = {}): FlowNode => ({ id, type, position: { x, y }, data: { title: id, config } });
  const overlaps = (c: { x: number; y: number }, n: FlowNode) => {
    const { width, height } = nodeSize(n);
    const half = { x: NODE_SIZE.width / 2, y: NODE_SIZE.height / 2 };
    return c.x - half.x < n.position.x + width && c.x + half.x > n.position.x && c.y - half.y < n.position.y + height && c.y + half.y > n.position.y;
  };

  it("keeps the middle when it is free", () => {
    expect(freeSpot({ x: 1000, y: 1000 }, [at("a", 0, 0)])).toEqual({ x: 1000, y: 1000 });
  });

  it("moves next to what already sits in the middle, and never onto another node", () => {
    const branches = ["a", "b", "c", "d"].map((id) => ({ id, label: id, condition: "true" }));
    const nodes = [at("start", 0, 0), at("end", 300, 0), at("tall", 0, 120, "decision", { branches })];
    expect(nodeSize(nodes[2]).height).toBeGreaterThan(200);
    let placed = [...nodes];
    for (let i = 0; i < 8; i++) {
      const c = freeSpot({ x: 270, y: 38 }, placed);
      expect(placed.some((n) => overlaps(c, n))).toBe(false);
      placed = [...placed, at(`n${i}`, c.x - NODE_SIZE.width / 2, c.y - NODE_SIZE.height / 2)];
    }
  });
});
