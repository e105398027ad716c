import { describe, expect, it } from "vitest";
import { edge, node, validGraph } from "./test-graphs";
import { isRunnable, validateWorkflow } from "./validate";
import type { Problem } from "./problems";

const codes = (problems: Problem[]) => problems.map((p) => p.code);
const find = (problems: Problem[], code: string) => problems.find((p) => p.code === code);

describe("start and end", () => {
  it("needs exactly one start", () => {
    const none = validGraph();
    none.nodes = none.nodes.filter((n) => n.id !== "start");
    none.edges = none.edges.filter((e) => e.source !== "start");
    expect(codes(validateWorkflow(none))).toEqual(["missing-start"]);

    const two = validGraph();
    two.nodes.push(node("start2", "start", undefined, "Second start"));
    two.edges.push(edge("start2", "fetch"));
    const problem = find(validateWorkflow(two), "multiple-starts");
    expect(problem?.nodeIds).toEqual(["start", "start2"]);
    expect(problem?.message).toContain('"Second start"');
  });

  it("needs an end, and says so once", () => {
    const graph = validGraph();
    graph.nodes = graph.nodes.filter((n) => n.id !== "done");
    graph.edges = graph.edges.filter((e) => e.target !== "done");
    const problems = validateWorkflow(graph);
    expect(find(problems, "missing-end")).toBeDefined();
    expect(find(problems, "dead-end")).toBeUndefined();
  });

  it("reports nodes the start cannot reach", () => {
    const graph = validGraph();
    graph.nodes.push(node("orphan", "set", undefined, "Orphan"));
    graph.edges.push(edge("orphan", "done"));
    const problems = validateWorkflow(graph);
    expect(find(problems, "unreachable")).toMatchObject({ nodeId: "orphan", message: '"Orphan" cannot be reached from the Start node' });
    expect(find(problems, "dead-end")).toBeUndefined();
  });

  it("reports nodes from which no end can be reached", () => {
    const graph = validGraph();
    graph.nodes.push(node("stuck", "set"));
    graph.edges.push(edge("check", "stuck", "big", "to-stuck"));
    expect(codes(validateWorkflow(graph))).toEqual(["dead-end"]);
  });

  it("reports a node with no connections once", () => {
    const graph = validGraph();
    graph.nodes.push(node("lonely", "timer"));
    expect(validateWorkflow(graph)).toEqual([
      { code: "disconnected", severity: "error", nodeId: "lonely", message: '"lonely" is not connected to anything' },
    ]);
  });

  it("names an untitled node by its type and id", () => {
    const graph = validGraph();
    graph.nodes.push(node("n7", "timer", undefined, ""));
    expect(validateWorkflow(graph)[0].message).toBe('Timer "n7" is not connected to anything');
  });
});

describe("loops", () => {
  it("allows a loop through a decision", () => {
    const graph = validGraph();
    // approve's reject goes back to fetch: fetch → check (decision) → approve → fetch.
    graph.edges = graph.edges.filter((e) => e.sourceHandle !== "reject");
    graph.edges.push(edge("approve", "fetch", "reject"));
    expect(validateWorkflow(graph)).toEqual([]);
  });

  it("reports a loop with no decision, naming its nodes", () => {
    const graph = validGraph();
    graph.nodes.push(node("a", "set", undefined, "Step A"), node("b", "script", undefined, "Step B"));
    graph.edges.push(edge("check", "a", "big", "into-loop"), edge("a", "b"), edge("b", "a", "out"), edge("b", "done", "error"));
    const problem = find(validateWorkflow(graph), "cycle-without-decision");
    expect(problem?.nodeIds?.sort()).toEqual(["a", "b"]);
    expect(problem?.message).toMatch(/"Step A" and "Step B" form a loop with no decision/);
  });

  it("reports a loop beside a decision that does not pass through it", () => {
    const graph = validGraph();
    // fetch ↔ self through its error output: a self-loop, although a decision follows fetch.
    graph.edges = graph.edges.filter((e) => e.sourceHandle !== "error");
    graph.edges.push(edge("fetch", "fetch", "error"));
    expect(find(validateWorkflow(graph), "cycle-without-decision")?.message).toMatch(/"fetch" is connected to itself/);
  });
});

describe("decisions and parallel", () => {
  it("needs the decision's default connected", () => {
    const graph = validGraph();
    graph.edges = graph.edges.filter((e) => e.sourceHandle !== "default");
    const problem = find(validateWorkflow(graph), "decision-default-unconnected");
    expect(problem).toMatchObject({ nodeId: "check", severity: "error" });
    expect(find(validateWorkflow(graph), "unconnected-output")).toBeUndefined();
  });

  it("needs two branches into a join, and warns about a split with one", () => {
    const graph = validGraph();
    graph.nodes.push(node("split", "parallel", { mode: "split" }), node("join", "parallel", { mode: "join" }));
    graph.edges = graph.edges.filter((e) => e.id !== "check-default-done");
    graph.edges.push(edge("check", "split", "default"), edge("split", "join"), edge("join", "done"));
    const problems = validateWorkflow(graph);
    expect(find(problems, "join-needs-inputs")?.message).toMatch(/at least two incoming connections; it has 1/);
    expect(find(problems, "split-needs-outputs")?.severity).toBe("warning");

    graph.nodes.push(node("side", "set"));
    graph.edges.push(edge("split", "side"), edge("side", "join"));
    expect(validateWorkflow(graph)).toEqual([]);
  });

  it("warns about a normal output left unconnected, but not about an error output", () => {
    const graph = validGraph();
    graph.edges = graph.edges.filter((e) => e.sourceHandle !== "reject" && e.sourceHandle !== "error");
    const problems = validateWorkflow(graph);
    expect(problems).toEqual([
      { code: "unconnected-output", severity: "warning", nodeId: "approve", message: 'Nothing is connected to the "Reject" output of "approve"' },
    ]);
    expect(isRunnable(problems)).toBe(true);
  });
});
