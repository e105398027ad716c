// Turns a diff into the canvas highlights, the versions panel's list and the conflict
// dialog's summary. Pure.
import type { GraphDiff } from "@/lib/workflows/contract";
import type { CompareStatus, Comparison } from "../store/annotations-store";

export function comparisonOf(diff: GraphDiff, label: string): Comparison {
  const map = (part: GraphDiff["nodes"]) => {
    const m = new Map<string, CompareStatus>();
    for (const id of part.added) m.set(id, "added");
    for (const id of part.removed) m.set(id, "removed");
    for (const id of part.changed) m.set(id, "changed");
    return m;
  };
  return { label, nodes: map(diff.nodes), edges: map(diff.edges) };
}

export type DiffRow = { kind: "node" | "edge"; id: string; status: CompareStatus };

export function diffRows(diff: GraphDiff): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const kind of ["node", "edge"] as const) {
    const part = kind === "node" ? diff.nodes : diff.edges;
    for (const status of ["added", "removed", "changed"] as const) for (const id of part[status]) rows.push({ kind, id, status });
  }
  return rows;
}

function counts(part: GraphDiff["nodes"], noun: string): string[] {
  const out: string[] = [];
  const n = (k: number) => `${k} ${noun}${k === 1 ? "" : "s"}`;
  if (part.added.length) out.push(`${n(part.added.length)} added`);
  if (part.removed.length) out.push(`${n(part.removed.length)} removed`);
  if (part.changed.length) out.push(`${n(part.changed.length)} changed`);
  return out;
}

/** "2 nodes added, 1 node changed, 3 connections removed", or a sentence saying none. */
export function summarizeDiff(diff: GraphDiff): string {
  const parts = [...counts(diff.nodes, "node"), ...counts(diff.edges, "connection")];
  return parts.length ? parts.join(", ") : "no differences in nodes or connections (only the revision moved on)";
}
