// Turns a diff into the canvas highlights, the versions panel's list and the conflict
// dialog's summary. Pure.
import type { FieldChange, GraphDiff } from "@/lib/workflows/contract";
import type { CompareStatus, Comparison } from "../store/annotations-store";

export function comparisonOf(diff: GraphDiff, label: string): Comparison {
  const map = (part: Partial<Record<CompareStatus, string[]>>) => {
    const m = new Map<string, CompareStatus>();
    for (const status of ["added", "removed", "changed", "moved"] as const) for (const id of part[status] ?? []) m.set(id, status);
    return m;
  };
  return { label, nodes: map(diff.nodes), edges: map(diff.edges), ghosts: diff.ghosts };
}

export type DiffRow = { kind: "node" | "edge"; id: string; status: CompareStatus; fields: FieldChange[] };

export function diffRows(diff: GraphDiff): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const kind of ["node", "edge"] as const) {
    const part: Partial<Record<CompareStatus, string[]>> = kind === "node" ? diff.nodes : diff.edges;
    const fields = kind === "node" ? diff.fields.nodes : diff.fields.edges;
    for (const status of ["added", "removed", "changed", "moved"] as const) for (const id of part[status] ?? []) rows.push({ kind, id, status, fields: fields[id] ?? [] });
  }
  return rows;
}

/** "config.branches.0.condition" → "branches #1 › condition": the words a designer sees in the inspector. */
export function settingLabel(path: string): string {
  const parts = path.replace(/^config\./, "").split(".");
  return parts.map((p) => (/^\d+$/.test(p) ? `#${Number(p) + 1}` : p)).join(" › ");
}

/** Long enough for a whole condition; the panel wraps it. */
export const VALUE_LIMIT = 160;

/** One side of a change, short: "(none)" when the setting is absent, positions as (x, y), the rest as JSON. */
export function changeValue(change: FieldChange, side: "before" | "after"): string {
  if (!(side in change)) return "(none)";
  const value = change[side];
  if (change.path === "position" && value && typeof value === "object" && "x" in value && "y" in value) {
    const { x, y } = value as { x: number; y: number };
    return `(${Math.round(x)}, ${Math.round(y)})`;
  }
  const text = typeof value === "string" ? `“${value}”` : JSON.stringify(value);
  return text.length > VALUE_LIMIT ? `${text.slice(0, VALUE_LIMIT - 1)}…` : text;
}

function counts(part: Partial<Record<CompareStatus, string[]>>, noun: string): string[] {
  const out: string[] = [];
  const n = (k: number) => `${k} ${noun}${k === 1 ? "" : "s"}`;
  for (const status of ["added", "removed", "changed", "moved"] as const) {
    const k = part[status]?.length ?? 0;
    if (k) out.push(`${n(k)} ${status}`);
  }
  return out;
}

/** "2 nodes added, 1 node changed, 3 connections removed", or a sentence saying none. */
export function summarizeDiff(diff: GraphDiff): string {
  const parts = [...counts(diff.nodes, "node"), ...counts(diff.edges, "connection")];
  return parts.length ? parts.join(", ") : "no differences in nodes or connections (only the revision moved on)";
}
