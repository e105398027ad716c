"use client";
// The list of what a comparison found: each node or connection added, removed, changed or moved,
// and for a change, which setting went from what to what. Entries on the canvas can be focused.
import { cn } from "@/lib/utils";
import type { GraphDiff } from "@/lib/workflows/contract";
import { useCanvasActions } from "../hooks/use-canvas-actions";
import { useEditorApi } from "../store/context";
import { changeValue, diffRows, settingLabel } from "./version-compare";

const STATUS_CLASS = {
  added: "bg-emerald-50 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  removed: "bg-red-50 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  changed: "bg-amber-50 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300",
  moved: "bg-sky-50 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
} as const;

export function CompareResult({ diff }: { diff: GraphDiff }) {
  const store = useEditorApi();
  const { focus } = useCanvasActions();
  const rows = diffRows(diff);
  if (rows.length === 0) return <p className="text-xs text-zinc-500">No differences in nodes or connections.</p>;
  const { nodes, edges } = store.getState();
  const onCanvas = new Set(nodes.map((n) => n.id));
  const titleOf = (id: string) => diff.titles[id] || nodes.find((n) => n.id === id)?.data.title || id;
  const edgeEnds = new Map(edges.map((e) => [e.id, e]));
  return (
    <ul data-testid="compare-result" className="space-y-1.5 text-xs">
      {rows.map((row) => {
        const edge = row.kind === "edge" ? edgeEnds.get(row.id) : undefined;
        const focusable = row.kind === "node" ? onCanvas.has(row.id) : Boolean(edge);
        const ends = edge ?? diff.edgeEnds[row.id];
        const name = row.kind === "node" ? titleOf(row.id) : ends ? `${titleOf(ends.source)} → ${titleOf(ends.target)}` : row.id;
        return (
          <li key={`${row.kind}-${row.id}`} data-testid="compare-entry" data-id={row.id} data-status={row.status} className="min-w-0">
            <button
              type="button"
              data-testid="compare-item"
              data-status={row.status}
              disabled={!focusable}
              title={focusable ? "Show it on the canvas" : "Not on the canvas now"}
              onClick={() => (row.kind === "node" ? focus([row.id]) : edge && focus([edge.source, edge.target], [edge.id]))}
              className="flex w-full min-w-0 items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-zinc-50 disabled:cursor-default disabled:hover:bg-transparent dark:hover:bg-zinc-800"
            >
              <span className={cn("w-16 shrink-0 rounded px-1 text-center font-medium", STATUS_CLASS[row.status])}>{row.status}</span>
              <span className="shrink-0 text-zinc-500">{row.kind === "node" ? "node" : "connection"}</span>
              <span className="min-w-0 truncate font-medium">{name}</span>
            </button>
            {row.fields.length > 0 && (
              <dl className="mt-0.5 ml-[4.75rem] space-y-0.5 border-l border-zinc-200 pl-2 dark:border-zinc-700">
                {row.fields.map((f) => (
                  <div key={f.path} data-testid="compare-field" data-path={f.path} className="min-w-0">
                    <dt className="text-zinc-500">{settingLabel(f.path)}</dt>
                    {(f.before !== undefined || f.after !== undefined) && (
                      <dd className="font-mono text-[11px] wrap-anywhere">
                        <span className="text-red-700 dark:text-red-300">{changeValue(f, "before")}</span>
                        <span className="px-1 text-zinc-400">→</span>
                        <span className="text-emerald-700 dark:text-emerald-300">{changeValue(f, "after")}</span>
                      </dd>
                    )}
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ul>
  );
}
