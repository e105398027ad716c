"use client";
// The list of what a comparison found; entries on the canvas can be focused.
import { cn } from "@/lib/utils";
import type { GraphDiff } from "@/lib/workflows/contract";
import { useCanvasActions } from "../hooks/use-canvas-actions";
import { useEditorApi } from "../store/context";
import { diffRows } from "./version-compare";

const STATUS_CLASS = {
  added: "bg-emerald-50 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  removed: "bg-red-50 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  changed: "bg-amber-50 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300",
} as const;

export function CompareResult({ diff }: { diff: GraphDiff }) {
  const store = useEditorApi();
  const { focus } = useCanvasActions();
  const rows = diffRows(diff);
  if (rows.length === 0) return <p className="text-xs text-zinc-500">No differences in nodes or connections.</p>;
  const { nodes, edges } = store.getState();
  const titles = new Map(nodes.map((n) => [n.id, n.data.title]));
  const edgeEnds = new Map(edges.map((e) => [e.id, e]));
  return (
    <ul data-testid="compare-result" className="space-y-1 text-xs">
      {rows.map((row) => {
        const edge = row.kind === "edge" ? edgeEnds.get(row.id) : undefined;
        const onCanvas = row.kind === "node" ? titles.has(row.id) : Boolean(edge);
        const name =
          row.kind === "node"
            ? (titles.get(row.id) ?? row.id)
            : edge
              ? `${titles.get(edge.source) ?? edge.source} → ${titles.get(edge.target) ?? edge.target}`
              : row.id;
        return (
          <li key={`${row.kind}-${row.id}`}>
            <button
              type="button"
              data-testid="compare-item"
              data-status={row.status}
              disabled={!onCanvas}
              onClick={() => (row.kind === "node" ? focus([row.id]) : edge && focus([edge.source, edge.target], [edge.id]))}
              className="flex w-full items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-zinc-50 disabled:cursor-default dark:hover:bg-zinc-800"
            >
              <span className={cn("w-16 shrink-0 rounded px-1 text-center font-medium", STATUS_CLASS[row.status])}>{row.status}</span>
              <span className="text-zinc-500">{row.kind === "node" ? "node" : "connection"}</span>
              <span className="truncate">{name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
