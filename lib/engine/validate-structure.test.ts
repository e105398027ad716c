import { describe, expect, it } from "vitest";
import { edge, node, validGraph } from "./test-graphs";
import { validateWorkflow } from "./validate";
import type { Problem } from "./problems";

const codes = (problems: Problem[]) => problems.map((p) => p.code);
const find = (problems: Problem[], code: string) => problems.find((p) => p.code === code);

describe("the valid example graph", () => {
  it("has no problems at all", () => {
    expect(validateWorkflow(validGraph())).toEqual([]);
  });
});

describe("structure rules", () => {
  it("reports a repeated node id, naming both nodes", () => {
    const graph = validGraph();
    graph.nodes.push(node("fetch", "set", undefined, "Copy of fetch"));
    const problem = find(validateWorkflow(graph), "duplicate-node-id");
    expect(problem).toMatchObject({ severity: "error", nodeId: "fetch" });
    expect(problem?.message).toContain('"Copy of fetch"');
    expect(problem?.message).toContain('"fetch"');
  });

  it("reports a repeated edge id", () => {
    const graph = validGraph();
    graph.edges.push(edge("check", "done", "big", graph.edges[0].id));
    expect(find(validateWorkflow(graph), "duplicate-edge-id")).toMatchObject({ edgeId: graph.edges[0].id });
  });

  it("reports edges to or from a missing node", () => {
    const graph = validGraph();
    graph.edges.push(edge("ghost", "done"), edge("start", "nowhere", undefined, "e-nowhere"));
    const missing = validateWorkflow(graph).filter((p) => p.code === "edge-missing-node");
    expect(missing.map((p) => p.edgeId)).toEqual(["ghost--done", "e-nowhere"]);
    expect(missing[1].message).toContain('"nowhere"');
  });

  it("reports an unknown source handle and names the node", () => {
    const graph = validGraph();
    graph.edges.push(edge("approve", "done", "maybe"));
    const problem = find(validateWorkflow(graph), "unknown-source-handle");
    expect(problem).toMatchObject({ nodeId: "approve", edgeId: "approve-maybe-done" });
    expect(problem?.message).toMatch(/"maybe".*"approve"/);
  });

  it("accepts a missing handle for a node with one normal output, refuses it for several", () => {
    expect(codes(validateWorkflow({ ...validGraph(), edges: validGraph().edges.map((e) => (e.source === "fetch" && e.sourceHandle === "success" ? { ...e, sourceHandle: undefined } : e)) }))).toEqual([]);
    const graph = validGraph();
    graph.edges.push(edge("approve", "done"));
    expect(find(validateWorkflow(graph), "ambiguous-source-handle")).toMatchObject({ nodeId: "approve" });
  });

  it("refuses edges out of an end and into a start", () => {
    const graph = validGraph();
    graph.edges.push(edge("done", "fetch", "out"), edge("fetch", "start", "success", "into-start"));
    const problems = validateWorkflow(graph);
    expect(find(problems, "unknown-source-handle")?.message).toMatch(/has no outputs/);
    expect(find(problems, "target-without-input")).toMatchObject({ edgeId: "into-start", nodeId: "start" });
    // Such edges cannot carry a run, so they do not make loops either.
    expect(find(problems, "cycle-without-decision")).toBeUndefined();
  });

  it("warns about the same connection made twice", () => {
    const graph = validGraph();
    graph.edges.push(edge("start", "fetch", undefined, "again"));
    expect(find(validateWorkflow(graph), "duplicate-connection")).toMatchObject({ severity: "warning", edgeId: "again" });
  });

  it("reports an unknown node type without checking its handles", () => {
    const graph = validGraph();
    graph.nodes.push(node("mystery", "teleport", {}));
    graph.edges.push(edge("check", "mystery", "big", "to-mystery"), edge("mystery", "done", "whatever"));
    const problems = validateWorkflow(graph);
    expect(find(problems, "unknown-node-type")).toMatchObject({ nodeId: "mystery" });
    expect(find(problems, "unknown-source-handle")).toBeUndefined();
  });
});
