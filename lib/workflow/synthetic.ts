// A valid synthetic workflow of any size, for scale tests and benchmarks.
import { getNodeDefinition } from "@/lib/nodes/registry";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";

const CONFIGS: Record<string, () => Record<string, unknown>> = {
  action: () => ({ method: "GET", url: "https://example.com/items/{{ $input.id }}", headers: [], body: "", timeoutMs: 30_000 }),
  decision: () => ({ branches: [{ id: "big", label: "Big", condition: "$vars.total > 100" }] }),
  set: () => ({ assignments: [{ variable: "total", expression: "$vars.total + 1" }] }),
};

function config(type: string): Record<string, unknown> {
  return CONFIGS[type]?.() ?? (structuredClone(getNodeDefinition(type)?.defaults() ?? {}) as Record<string, unknown>);
}

/**
 * start → (nodeCount − 2) steps → end, laid out in rows of 25. Every 5th step is a decision
 * whose branch loops back 3 steps (allowed: the loop runs through a decision); every 5th
 * after it is an HTTP action whose error output goes to the end. About 1.2 edges per node.
 */
export function syntheticWorkflow(nodeCount = 1_000): WorkflowGraph {
  const steps = nodeCount - 2;
  const ids = ["start", ...Array.from({ length: steps }, (_, i) => `n${i}`), "end"];
  const at = (i: number) => ({ x: (i % 25) * 260, y: Math.floor(i / 25) * 160 });
  const nodes: WorkflowNode[] = [{ id: "start", type: "start", position: at(0), data: { title: "Start", config: config("start") } }];
  const edges: WorkflowEdge[] = [{ id: "e-start", source: "start", target: ids[1] }];
  for (let i = 0; i < steps; i++) {
    const id = ids[i + 1];
    const type = i % 5 === 4 ? "decision" : i % 5 === 0 ? "action" : "set";
    nodes.push({ id, type, position: at(i + 1), data: { title: `${type} ${i}`, config: config(type) } });
    if (type === "decision") {
      edges.push({ id: `e-${id}-big`, source: id, target: ids[i - 2], sourceHandle: "big" });
      edges.push({ id: `e-${id}-default`, source: id, target: ids[i + 2], sourceHandle: "default" });
    } else if (type === "action") {
      edges.push({ id: `e-${id}-success`, source: id, target: ids[i + 2], sourceHandle: "success" });
      edges.push({ id: `e-${id}-error`, source: id, target: "end", sourceHandle: "error" });
    } else {
      edges.push({ id: `e-${id}`, source: id, target: ids[i + 2] });
    }
  }
  nodes.push({ id: "end", type: "end", position: at(nodeCount - 1), data: { title: "End", config: config("end") } });
  return { nodes, edges };
}
