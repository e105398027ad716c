// Auto-layout, left to right. dagre gives the nicer result (long edges routed between nodes),
// but its cost grows with every edge's rank span, so a graph whose long edges would need many
// routing points gets the linear layered layout instead. Pure: returns top-left positions for
// the store to apply as one undoable step.
import dagre from "@dagrejs/dagre";
import type { XY } from "@/lib/workflow/types";
import { nodeSize } from "../nodes/node-layout";
import type { FlowEdge, FlowNode } from "../types";
import { layeredLayout, rankNodes, spanCost, type LayoutInput } from "./layered-layout";

export interface LayoutOptions {
  rankSep?: number;
  nodeSep?: number;
  /** Positions snap to this grid when given. */
  grid?: number;
  /** Nodes plus routing points above which dagre is not used (it takes seconds beyond). */
  dagreBudget?: number;
}

export const DAGRE_BUDGET = 800;

function dagreLayout(input: LayoutInput, rankSep: number, nodeSep: number): Map<string, XY> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", ranksep: rankSep, nodesep: nodeSep, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of input.nodes) g.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of input.edges) if (edge.source !== edge.target) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  const positions = new Map<string, XY>();
  for (const node of input.nodes) {
    const laid = g.node(node.id) as { x?: number; y?: number } | undefined;
    if (laid?.x !== undefined && laid.y !== undefined) positions.set(node.id, { x: laid.x - node.width / 2, y: laid.y - node.height / 2 });
  }
  return positions;
}

export function layoutGraph(nodes: readonly FlowNode[], edges: readonly FlowEdge[], options: LayoutOptions = {}): Map<string, XY> {
  const rankSep = options.rankSep ?? 90;
  const nodeSep = options.nodeSep ?? 40;
  const ids = new Set(nodes.map((n) => n.id));
  const input: LayoutInput = {
    nodes: nodes.map((n) => ({
      id: n.id,
      ...nodeSize(n),
      isStart: n.type === "start",
    })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
  const budget = options.dagreBudget ?? DAGRE_BUDGET;
  const useDagre = input.nodes.length <= budget && input.nodes.length + spanCost(input, rankNodes(input)) <= budget;
  const raw = useDagre ? dagreLayout(input, rankSep, nodeSep) : layeredLayout(input, { rankSep, nodeSep });
  const snap = (v: number) => (options.grid ? Math.round(v / options.grid) * options.grid : Math.round(v));
  const positions = new Map<string, XY>();
  for (const [id, p] of raw) positions.set(id, { x: snap(p.x), y: snap(p.y) });
  return positions;
}
