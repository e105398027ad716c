// Makes a parsed graph safe to store. Node configs are free-form while a draft is edited. Keys
// the database refuses ("$x", "a.b") and lists inside lists are fine: models/graph-codec.ts keeps
// such a node's config as JSON text. What JSON cannot carry either is refused here: numbers
// that are not finite, and nesting past a sane depth. And the driver would store an undefined
// value as null, which the graph schema then refuses on the next load, so undefined values are
// dropped here.
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";
import type { PathProblem } from "./contract";

const MAX_DEPTH = 32;

type Found = (problem: PathProblem) => void;

function clean(value: unknown, path: string, depth: number, found: Found): unknown {
  if (depth > MAX_DEPTH) {
    found({ path, message: `Settings are nested more than ${MAX_DEPTH} levels deep` });
    return null;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => (item === undefined ? null : clean(item, `${path}.${i}`, depth + 1, found)));
  }
  if (value !== null && typeof value === "object") {
    if (value instanceof Date) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      out[key] = clean(item, `${path}.${key}`, depth + 1, found);
    }
    return out;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    found({ path, message: "Numbers must be finite" });
    return null;
  }
  return value;
}

export function storableNode(node: WorkflowNode, index: number, found: Found): WorkflowNode {
  const config = clean(node.data.config, `nodes.${index}.data.config`, 0, found) as Record<string, unknown>;
  const data: WorkflowNode["data"] = { title: node.data.title, config, ...(node.data.suggested ? { suggested: true } : {}) };
  if (node.data.pinned) {
    const { output, ...about } = node.data.pinned;
    data.pinned = { ...about, output: clean(output, `nodes.${index}.data.pinned.output`, 0, found) };
  }
  return { id: node.id, type: node.type, position: { x: node.position.x, y: node.position.y }, data };
}

export function storableEdge(edge: WorkflowEdge): WorkflowEdge {
  const out: WorkflowEdge = { id: edge.id, source: edge.source, target: edge.target };
  if (edge.sourceHandle != null) out.sourceHandle = edge.sourceHandle;
  if (edge.label != null) out.label = edge.label;
  if (edge.condition != null) out.condition = edge.condition;
  return out;
}

/** The graph as stored, or the first problems that keep it from being stored. */
export function toStorableGraph(
  graph: WorkflowGraph,
  limit = 20,
): { ok: true; graph: WorkflowGraph } | { ok: false; problems: PathProblem[]; truncated: boolean } {
  const problems: PathProblem[] = [];
  let truncated = false;
  const found: Found = (p) => (problems.length < limit ? problems.push(p) : (truncated = true));
  const nodes = graph.nodes.map((n, i) => storableNode(n, i, found));
  const edges = graph.edges.map(storableEdge);
  return problems.length ? { ok: false, problems, truncated } : { ok: true, graph: { nodes, edges } };
}

/**
 * A pin made in the browser names nobody (pinnedBy ""): the server writes who saved it, so the
 * canvas needs no user id and a pin says who made it.
 */
export function stampNewPins<G extends WorkflowGraph>(graph: G, actorId: string): G {
  if (!graph.nodes.some((n) => n.data.pinned && !n.data.pinned.pinnedBy)) return graph;
  return { ...graph, nodes: graph.nodes.map((n) => (n.data.pinned && !n.data.pinned.pinnedBy ? { ...n, data: { ...n.data, pinned: { ...n.data.pinned, pinnedBy: actorId } } } : n)) };
}
