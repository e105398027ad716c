// A draft's positions from the designer's own auto-layout (dagre, components/canvas/graph/layout.ts),
// computed in the browser: the layout needs each node's drawn size, which the canvas module knows.
import { layoutGraph } from "@/components/canvas/graph/layout";
import { toFlowGraph } from "@/components/canvas/graph/convert";
import type { WorkflowGraph } from "@/lib/workflow/types";

const GRID = 16;

export function layOutDraft(graph: WorkflowGraph): Record<string, { x: number; y: number }> {
  const flow = toFlowGraph(graph);
  return Object.fromEntries(layoutGraph(flow.nodes, flow.edges, { grid: GRID }));
}

/** The graph as it goes on the canvas: laid out, every node marked as suggested by AI. */
export function suggestedGraph(graph: WorkflowGraph): WorkflowGraph {
  const positions = layOutDraft(graph);
  return {
    nodes: graph.nodes.map((n) => ({ ...n, position: positions[n.id] ?? n.position, data: { ...n.data, suggested: true } })),
    edges: graph.edges,
  };
}
