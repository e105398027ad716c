// Pure graph edits behind the store's domain actions. Each takes the current nodes/edges and
// returns new arrays, reusing every object it does not change, so memoised nodes stay put.
import type { Connection } from "@xyflow/react";
import { getNodeDefinition } from "@/lib/nodes/registry";
import type { WorkflowEdge, WorkflowNode, XY } from "@/lib/workflow/types";
import { NODE_SIZE, WORKFLOW_EDGE, type FlowEdge, type FlowNode, type GraphDoc } from "../types";
import { toFlowEdge, toFlowNode, toWorkflowEdge, toWorkflowNode } from "./convert";
import { edgeMeta } from "./edge-meta";
import { newEdgeId, newNodeId } from "./ids";

/** How far a duplicate or a repeated paste lands from the original. */
export const PASTE_OFFSET = 40;

/** "Decision", then "Decision 2", "Decision 3"… so titles tell nodes apart. */
export function nextTitle(label: string, nodes: readonly FlowNode[]): string {
  const taken = new Set(nodes.map((n) => n.data.title));
  if (!taken.has(label)) return label;
  let n = 2;
  while (taken.has(`${label} ${n}`)) n++;
  return `${label} ${n}`;
}

/** A new node of a registry type with its defaults, centred on `center`. */
export function createNode(type: string, center: XY, nodes: readonly FlowNode[]): FlowNode | null {
  const definition = getNodeDefinition(type);
  if (!definition) return null;
  return {
    id: newNodeId(type, new Set(nodes.map((n) => n.id))),
    type,
    position: { x: Math.round(center.x - NODE_SIZE.width / 2), y: Math.round(center.y - NODE_SIZE.height / 2) },
    data: { title: nextTitle(definition.label, nodes), config: structuredClone(definition.defaults()) as Record<string, unknown> },
    selected: true,
  };
}

/** Nodes with exactly `ids` selected; unchanged nodes keep their identity. */
export function selectNodes(nodes: FlowNode[], ids: ReadonlySet<string>): FlowNode[] {
  let changed = false;
  const next = nodes.map((n) => {
    const selected = ids.has(n.id);
    if (Boolean(n.selected) === selected) return n;
    changed = true;
    return { ...n, selected };
  });
  return changed ? next : nodes;
}

export function selectEdges(edges: FlowEdge[], ids: ReadonlySet<string>): FlowEdge[] {
  let changed = false;
  const next = edges.map((e) => {
    const selected = ids.has(e.id);
    if (Boolean(e.selected) === selected) return e;
    changed = true;
    return { ...e, selected };
  });
  return changed ? next : edges;
}

export function selectedNodeIds(nodes: readonly FlowNode[]): string[] {
  return nodes.filter((n) => n.selected).map((n) => n.id);
}

/** Removes selected nodes, the edges touching them, and selected edges. */
export function deleteSelected(doc: GraphDoc): GraphDoc {
  const removed = new Set(doc.nodes.filter((n) => n.selected).map((n) => n.id));
  const edges = doc.edges.filter((e) => !e.selected && !removed.has(e.source) && !removed.has(e.target));
  if (removed.size === 0 && edges.length === doc.edges.length) return doc;
  return { nodes: removed.size ? doc.nodes.filter((n) => !removed.has(n.id)) : doc.nodes, edges };
}

/** Why a connection may not be drawn, or null when it may. */
export function connectionRefusal(
  edges: readonly FlowEdge[],
  c: { source: string; target: string; sourceHandle?: string | null },
): string | null {
  if (!c.source || !c.target) return "Connect an output to an input";
  if (c.source === c.target) return "A node cannot connect to itself";
  const handle = c.sourceHandle ?? null;
  const duplicate = edges.some((e) => e.source === c.source && e.target === c.target && (e.sourceHandle ?? null) === handle);
  return duplicate ? "These two are already connected from that output" : null;
}

/** The edges with a new connection, or the same array when it is refused. */
export function connect(doc: GraphDoc, c: Connection): FlowEdge[] {
  if (connectionRefusal(doc.edges, c)) return doc.edges;
  const source = doc.nodes.find((n) => n.id === c.source);
  const edge: FlowEdge = {
    id: newEdgeId(new Set(doc.edges.map((e) => e.id))),
    source: c.source,
    target: c.target,
    type: WORKFLOW_EDGE,
    data: edgeMeta(source, c.sourceHandle),
  };
  if (c.sourceHandle) edge.sourceHandle = c.sourceHandle;
  return [...doc.edges, edge];
}

/** What copy puts on the clipboard: selected nodes and the edges between them, as stored. */
export interface GraphFragment {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

export function copySelection(doc: GraphDoc): GraphFragment {
  const nodes = doc.nodes.filter((n) => n.selected);
  const ids = new Set(nodes.map((n) => n.id));
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { nodes: nodes.map(toWorkflowNode), edges: edges.map(toWorkflowEdge) };
}

function topLeft(nodes: readonly { position: XY }[]): XY {
  return {
    x: Math.min(...nodes.map((n) => n.position.x)),
    y: Math.min(...nodes.map((n) => n.position.y)),
  };
}

/**
 * Where a fragment lands. At a point: its top-left corner goes there. Otherwise next to where it
 * came from, shifted once more for every earlier copy already sitting there.
 */
export function pasteShift(existing: readonly FlowNode[], fragment: GraphFragment, at?: XY): XY {
  if (fragment.nodes.length === 0) return { x: 0, y: 0 };
  const origin = topLeft(fragment.nodes);
  if (at) return { x: Math.round(at.x - origin.x), y: Math.round(at.y - origin.y) };
  const first = fragment.nodes[0].position;
  const occupied = new Set(existing.map((n) => `${n.position.x},${n.position.y}`));
  let k = 1;
  while (k < 100 && occupied.has(`${first.x + k * PASTE_OFFSET},${first.y + k * PASTE_OFFSET}`)) k++;
  return { x: k * PASTE_OFFSET, y: k * PASTE_OFFSET };
}

/**
 * Adds a copy of the fragment with fresh ids (edges follow their nodes; an edge whose ends are
 * not both in the fragment is dropped) and selects exactly the copy.
 */
export function pasteFragment(doc: GraphDoc, fragment: GraphFragment, at?: XY): { doc: GraphDoc; ids: string[] } {
  if (fragment.nodes.length === 0) return { doc, ids: [] };
  const shift = pasteShift(doc.nodes, fragment, at);
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  const idMap = new Map<string, string>();
  const pasted: FlowNode[] = [];
  for (const node of fragment.nodes) {
    if (idMap.has(node.id)) continue; // a repeated id in the fragment: keep the first
    const id = newNodeId(node.type, nodeIds);
    nodeIds.add(id);
    idMap.set(node.id, id);
    // A copy gets its own title ("Approve 2"): two steps of one name read as one in runs and tasks.
    const title = nextTitle(node.data.title, [...doc.nodes, ...pasted]);
    const copy = toFlowNode({
      ...node,
      id,
      position: { x: node.position.x + shift.x, y: node.position.y + shift.y },
      data: { title, config: structuredClone(node.data.config) },
    });
    pasted.push({ ...copy, selected: true });
  }
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const edges: FlowEdge[] = [];
  for (const edge of fragment.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) continue;
    const id = newEdgeId(edgeIds);
    edgeIds.add(id);
    edges.push({ ...toFlowEdge({ ...edge, id, source, target }), selected: false });
  }
  return {
    doc: {
      nodes: [...selectNodes(doc.nodes, new Set()), ...pasted],
      edges: [...selectEdges(doc.edges, new Set()), ...edges],
    },
    ids: pasted.map((n) => n.id),
  };
}

/** Replaces one node's data, refreshing the labels of the edges that leave it. */
export function replaceNodeData(nodes: FlowNode[], id: string, data: FlowNode["data"]): { nodes: FlowNode[]; node?: FlowNode } {
  const index = nodes.findIndex((n) => n.id === id);
  if (index < 0) return { nodes };
  const node = { ...nodes[index], data };
  const next = nodes.slice();
  next[index] = node;
  return { nodes: next, node };
}

/** Moves nodes to new positions (auto-layout); nodes not in the map stay. */
export function moveNodes(nodes: FlowNode[], positions: ReadonlyMap<string, XY>): FlowNode[] {
  return nodes.map((n) => {
    const p = positions.get(n.id);
    return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
}
