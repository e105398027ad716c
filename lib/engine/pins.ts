// Pinned outputs (issue 13): a designer pins a step's output on a draft node so that test runs
// reuse it instead of calling the service again. The one rule, kept here so the runtime, the
// publisher and the tests share it: a pin applies only to a run of the draft; a published
// version never carries pins (withoutPins at publish) and a run of one ignores any it finds.
import type { PinnedOutput, WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";
import type { StepResult } from "./executor";

/** Which runs may take pins: only test runs of a draft (the runtime's version === null). */
export interface PinRule {
  draft: boolean;
}

/** The node's pin, when it has a well-formed one. */
export function pinOf(node: Pick<WorkflowNode, "data">): PinnedOutput | undefined {
  const pinned = node.data?.pinned;
  return pinned && typeof pinned === "object" && typeof pinned.pinnedAt === "string" ? pinned : undefined;
}

/** The result a step takes from its node's pin instead of running its executor, or null to run it. */
export function pinnedResult(node: Pick<WorkflowNode, "data">, rule: PinRule): Extract<StepResult, { kind: "ok" }> | null {
  if (!rule.draft) return null;
  const pin = pinOf(node);
  if (!pin) return null;
  return { kind: "ok", output: pin.output, ...(pin.handle ? { handle: pin.handle } : {}) };
}

/** The graph with every pin removed: what a published version stores. Returns the same graph when it has none. */
export function withoutPins<G extends WorkflowGraph>(graph: G): G {
  if (!graph.nodes.some((n) => n.data?.pinned !== undefined)) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      if (n.data?.pinned === undefined) return n;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped on purpose
      const { pinned, ...data } = n.data;
      return { ...n, data };
    }),
  };
}
