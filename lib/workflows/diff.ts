// What changed between two graphs, by id: the versions panel lists it and the canvas
// highlights it. Pure. Positions count as changes, so a moved node shows up as changed;
// key order does not, since a config read back from the database may list keys differently.
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";
import type { GraphDiff } from "./contract";

/** JSON with object keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean) {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const [id, item] of now) {
    const previous = old.get(id);
    if (!previous) added.push(id);
    else if (!same(previous, item)) changed.push(id);
  }
  const removed = [...old.keys()].filter((id) => !now.has(id));
  return { added, removed, changed };
}

const sameNode = (a: WorkflowNode, b: WorkflowNode) =>
  a.type === b.type &&
  a.position.x === b.position.x &&
  a.position.y === b.position.y &&
  a.data.title === b.data.title &&
  canonical(a.data.config) === canonical(b.data.config);

const sameEdge = (a: WorkflowEdge, b: WorkflowEdge) =>
  a.source === b.source &&
  a.target === b.target &&
  (a.sourceHandle ?? null) === (b.sourceHandle ?? null) &&
  (a.label ?? "") === (b.label ?? "") &&
  (a.condition ?? "") === (b.condition ?? "");

/** Nodes and edges added, removed and changed going from `before` to `after`. */
export function diffGraphs(before: WorkflowGraph, after: WorkflowGraph): GraphDiff {
  return { nodes: diffById(before.nodes, after.nodes, sameNode), edges: diffById(before.edges, after.edges, sameEdge) };
}

export function isEmptyDiff(diff: GraphDiff): boolean {
  return [diff.nodes, diff.edges].every((d) => d.added.length + d.removed.length + d.changed.length === 0);
}
