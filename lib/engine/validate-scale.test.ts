// A sanity check that the validator handles a large graph: it asserts on the result only,
// since timing asserts flake on busy machines. validateWorkflow is linear in nodes + edges.
import { describe, expect, it } from "vitest";
import { syntheticWorkflow } from "@/lib/workflow/synthetic";
import { edge } from "./test-graphs";
import { validateWorkflow } from "./validate";

describe("validateWorkflow at scale", () => {
  it("validates a 1,000-node graph with over 1,200 edges and finds nothing wrong", () => {
    const graph = syntheticWorkflow(1_000);
    expect(graph.nodes).toHaveLength(1_000);
    expect(graph.edges.length).toBeGreaterThanOrEqual(1_200);
    expect(validateWorkflow(graph)).toEqual([]);
  });

  it("finds the one broken loop in the same graph", () => {
    const graph = syntheticWorkflow(1_000);
    graph.edges.push(edge("n502", "n500", undefined, "back"));
    const problems = validateWorkflow(graph);
    expect(problems.map((p) => p.code)).toEqual(["cycle-without-decision"]);
    expect(problems[0].nodeIds?.sort()).toEqual(["n500", "n501", "n502"]);
  });
});
