// A sanity check that the validator handles a large graph: it asserts on the result only,
// since timing asserts flake on busy machines. validateWorkflow is linear in nodes + edges.
import { describe, expect, it } from "vitest";
import type { WorkflowEdge, WorkflowNode } from "@/lib/workflow/types";
import { edge, node } from "./test-graphs";
import { validateWorkflow } from "./validate";

/**
 * start → 998 steps → end. Every 5th step is a decision: its branch jumps back 3 steps (a
 * loop through the decision, which is allowed) and its default goes on. Every 5th step after
 * a decision is an action whose error output goes straight to the end.
 */
function bigGraph(steps = 998): { nodes: WorkflowNode[]; edges: WorkflowEdge[] } {
  const ids = ["start", ...Array.from({ length: steps }, (_, i) => `n${i}`), "end"];
  const nodes: WorkflowNode[] = [node("start", "start")];
  const edges: WorkflowEdge[] = [];
  for (let i = 0; i < steps; i++) {
    const id = ids[i + 1];
    const kind = i % 5 === 4 ? "decision" : i % 5 === 0 ? "action" : "set";
    nodes.push(node(id, kind));
    if (kind === "decision") {
      edges.push(edge(id, ids[i - 2], "big"), edge(id, ids[i + 2], "default"));
    } else if (kind === "action") {
      edges.push(edge(id, ids[i + 2], "success"), edge(id, "end", "error"));
    } else {
      edges.push(edge(id, ids[i + 2]));
    }
  }
  nodes.push(node("end", "end"));
  edges.push(edge("start", ids[1]));
  return { nodes, edges };
}

describe("validateWorkflow at scale", () => {
  it("validates a 1,000-node graph with over 1,200 edges and finds nothing wrong", () => {
    const graph = bigGraph();
    expect(graph.nodes).toHaveLength(1_000);
    expect(graph.edges.length).toBeGreaterThanOrEqual(1_200);
    expect(validateWorkflow(graph)).toEqual([]);
  });

  it("finds the one broken loop in the same graph", () => {
    const graph = bigGraph();
    graph.edges.push(edge("n502", "n500", undefined, "back"));
    const problems = validateWorkflow(graph);
    expect(problems.map((p) => p.code)).toEqual(["cycle-without-decision"]);
    expect(problems[0].nodeIds?.sort()).toEqual(["n500", "n501", "n502"]);
  });
});
