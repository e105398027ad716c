// What changed between two graphs, by id and setting by setting: the versions panel lists it,
// the canvas highlights it and the conflict dialog sums it up. Pure. A node whose only change is
// its position is "moved", not "changed"; key order never counts, since a config read back from
// the database may list keys differently.
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";
import type { FieldChange, GraphDiff } from "./contract";

/** At most this many settings are listed per node: a rewritten config says "and more" rather than flooding the panel. */
export const FIELD_CHANGES_LIMIT = 50;

/** JSON with object keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The leaves that differ between two values, as dotted paths under `path`. Objects are compared
 * key by key and lists item by item (a list that grew or shrank shows the items added or gone),
 * so one edited branch condition is one change, not the whole list.
 */
export function fieldChanges(before: unknown, after: unknown, path: string, out: FieldChange[] = []): FieldChange[] {
  if (canonical(before) === canonical(after)) return out;
  const join = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) fieldChanges(before[key], after[key], join(key), out);
  } else if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) fieldChanges(before[i], after[i], join(i), out);
  } else {
    const change: FieldChange = { path };
    if (before !== undefined) change.before = before;
    if (after !== undefined) change.after = after;
    out.push(change);
  }
  return out;
}

function nodeFields(a: WorkflowNode, b: WorkflowNode): { settings: FieldChange[]; moved: boolean } {
  const settings: FieldChange[] = [];
  if (a.type !== b.type) settings.push({ path: "type", before: a.type, after: b.type });
  if (a.data.title !== b.data.title) settings.push({ path: "title", before: a.data.title, after: b.data.title });
  fieldChanges(a.data.config, b.data.config, "config", settings);
  const moved = a.position.x !== b.position.x || a.position.y !== b.position.y;
  return { settings, moved };
}

// An edge's condition is a read-only copy of its decision branch's, which the node's changes
// already show: comparing it too would list every condition edit twice.
const EDGE_KEYS = ["source", "target", "sourceHandle", "label"] as const;

function edgeFields(a: WorkflowEdge, b: WorkflowEdge): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of EDGE_KEYS) {
    // A missing handle, label or condition and an empty one mean the same.
    const before = a[key] || undefined;
    const after = b[key] || undefined;
    if (before !== after) out.push({ path: key, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
  }
  return out;
}

function limited(changes: FieldChange[]): FieldChange[] {
  if (changes.length <= FIELD_CHANGES_LIMIT) return changes;
  return [...changes.slice(0, FIELD_CHANGES_LIMIT), { path: `… and ${changes.length - FIELD_CHANGES_LIMIT} more settings` }];
}

/** Nodes and edges added, removed, changed and moved going from `before` to `after`, with what changed in each. */
export function diffGraphs(before: WorkflowGraph, after: WorkflowGraph): GraphDiff {
  const diff: GraphDiff = {
    nodes: { added: [], removed: [], changed: [], moved: [] },
    edges: { added: [], removed: [], changed: [] },
    fields: { nodes: {}, edges: {} },
    titles: {},
    ghosts: [],
    edgeEnds: {},
  };
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  for (const n of before.nodes) diff.titles[n.id] = n.data.title;
  for (const n of after.nodes) diff.titles[n.id] = n.data.title || diff.titles[n.id] || "";
  for (const [id, node] of newNodes) {
    const previous = oldNodes.get(id);
    if (!previous) {
      diff.nodes.added.push(id);
      continue;
    }
    const { settings, moved } = nodeFields(previous, node);
    const where = moved ? [{ path: "position", before: previous.position, after: node.position }] : [];
    if (settings.length) diff.nodes.changed.push(id);
    else if (moved) diff.nodes.moved.push(id);
    if (settings.length || moved) diff.fields.nodes[id] = limited([...settings, ...where]);
  }
  for (const [id, node] of oldNodes) {
    if (newNodes.has(id)) continue;
    diff.nodes.removed.push(id);
    diff.ghosts.push({ id, title: node.data.title, type: node.type, position: { ...node.position } });
  }
  const oldEdges = new Map(before.edges.map((e) => [e.id, e]));
  const newEdges = new Map(after.edges.map((e) => [e.id, e]));
  for (const [id, edge] of newEdges) {
    const previous = oldEdges.get(id);
    if (!previous) diff.edges.added.push(id);
    else {
      const changes = edgeFields(previous, edge);
      if (changes.length) {
        diff.edges.changed.push(id);
        diff.fields.edges[id] = changes;
      }
    }
  }
  diff.edges.removed = [...oldEdges.keys()].filter((id) => !newEdges.has(id));
  for (const id of [...diff.edges.added, ...diff.edges.removed, ...diff.edges.changed]) {
    const edge = newEdges.get(id) ?? oldEdges.get(id)!;
    diff.edgeEnds[id] = { source: edge.source, target: edge.target };
  }
  return diff;
}

export function isEmptyDiff(diff: GraphDiff): boolean {
  const n = diff.nodes;
  const e = diff.edges;
  return n.added.length + n.removed.length + n.changed.length + n.moved.length + e.added.length + e.removed.length + e.changed.length === 0;
}
