"use client";
// While a comparison is open: the nodes it found removed, outlined in red where they were, when
// the canvas does not hold them (they are not part of the graph, so nothing can select or save them).
import { ViewportPortal } from "@xyflow/react";
import { useShallow } from "zustand/react/shallow";
import { getNodeDefinition } from "@/lib/nodes/registry";
import { useAnnotations, useEditor } from "../store/context";

export function CompareGhosts() {
  const ghosts = useAnnotations((s) => s.comparison?.ghosts);
  const ids = useEditor(useShallow((s) => s.nodes.map((n) => n.id)));
  if (!ghosts?.length) return null;
  const present = new Set(ids);
  const shown = ghosts.filter((g) => !present.has(g.id));
  if (shown.length === 0) return null;
  return (
    <ViewportPortal>
      {shown.map((g) => (
        <div
          key={g.id}
          data-testid="compare-ghost"
          data-id={g.id}
          aria-hidden
          style={{ transform: `translate(${g.position.x}px, ${g.position.y}px)` }}
          className="pointer-events-none absolute top-0 left-0 w-60 rounded-lg border-2 border-dashed border-red-500 bg-red-50/70 px-3 py-2 text-red-900 dark:bg-red-500/10 dark:text-red-200"
        >
          <div className="text-[11px] font-medium tracking-wide uppercase opacity-80">Removed · {getNodeDefinition(g.type)?.label ?? g.type}</div>
          <div className="truncate text-sm font-semibold line-through decoration-red-400/70">{g.title || g.id}</div>
        </div>
      ))}
    </ViewportPortal>
  );
}
