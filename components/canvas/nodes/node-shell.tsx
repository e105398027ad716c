"use client";
// The frame every node look shares: accent colour, icon, title, type label, problem marker,
// compare highlight, and the input handle. Looks differ only in what they put inside. Its sizes
// come from node-layout.ts (React Flow is told them instead of measuring): nothing added here may
// change the node's height; overlays (run state, problem marker) are positioned absolutely.
import { memo } from "react";
import { Pin, Sparkles } from "lucide-react";
import { getNodeDefinition } from "@/lib/nodes/registry";
import { cn } from "@/lib/utils";
import { useAnnotations, useReadOnly } from "../store/context";
import type { CompareStatus } from "../store/annotations-store";
import { InputHandle } from "./handles";
import { ACCENT, HEADER_HEIGHT, NODE_WIDTH } from "./node-layout";
import { nodeIcon } from "./icons";
import { NodeMarker } from "./node-marker";
import { NodeRunState, RING, useNodeRunStatus } from "./node-run-state";

const COMPARE_CLASS: Record<CompareStatus, string> = {
  added: "outline-3 outline-offset-2 outline-emerald-500",
  changed: "outline-3 outline-offset-2 outline-amber-500",
  removed: "outline-3 outline-offset-2 outline-dashed outline-red-500",
  moved: "outline-2 outline-offset-2 outline-dashed outline-sky-500",
};

export interface NodeShellProps {
  id: string;
  type: string;
  title: string;
  selected: boolean;
  /** Rounded pill for start and end. */
  shape?: "card" | "pill";
  /** A line under the title (parallel's mode, a timer's delay). */
  subtitle?: string;
  /** Drafted by AI and not reviewed yet: a badge until the designer touches the node. */
  suggested?: boolean;
  /** The node has a pinned output (test runs reuse it): a badge says so. */
  pinned?: boolean;
  children?: React.ReactNode;
}

export const NodeShell = memo(function NodeShell({ id, type, title, selected, shape = "card", subtitle, suggested, pinned, children }: NodeShellProps) {
  const definition = getNodeDefinition(type);
  const readOnly = useReadOnly();
  const compare = useAnnotations((s) => s.comparison?.nodes.get(id));
  const runStatus = useNodeRunStatus(id);
  const Icon = nodeIcon(definition?.icon);
  const color = definition?.color ?? "#71717a";
  const label = definition?.label ?? "Unknown node type";
  return (
    <div
      data-testid={`node-${id}`}
      data-compare={compare}
      data-run-status={runStatus}
      data-suggested={suggested || undefined}
      className={cn(
        "relative border border-zinc-300 bg-white text-zinc-900 shadow-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
        shape === "pill" ? "rounded-3xl" : "rounded-lg",
        selected && "border-accent-500 ring-2 ring-accent-500/40",
        compare && COMPARE_CLASS[compare],
        runStatus && RING[runStatus],
        suggested && !selected && "border-dashed border-violet-400 dark:border-violet-500",
      )}
      style={{ width: NODE_WIDTH, borderLeft: `${ACCENT}px solid ${color}` }}
    >
      {definition?.inputs.map((handle) => <InputHandle key={handle.id} handle={handle} connectable={!readOnly} />)}
      <div className="flex items-center gap-2 px-3" style={{ height: HEADER_HEIGHT }}>
        <span className="flex size-8 shrink-0 items-center justify-center rounded-md" style={{ backgroundColor: `${color}1f`, color }}>
          <Icon aria-hidden className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <div className="truncate text-sm leading-5 font-medium" title={title || label}>
            {title || label}
          </div>
          <div className="truncate text-xs leading-4 text-zinc-500">{subtitle ? `${label} · ${subtitle}` : label}</div>
        </div>
      </div>
      {children}
      {suggested && (
        <span
          data-testid={`suggested-${id}`}
          title="Suggested by AI: review it (edit, move or confirm it in the inspector)"
          className="pointer-events-none absolute -top-2.5 right-6 flex items-center gap-1 rounded-full bg-violet-600 px-1.5 py-px text-[10px] font-medium leading-4 text-white shadow-sm"
        >
          <Sparkles aria-hidden className="size-3" /> Suggested
        </span>
      )}
      {pinned && (
        <span
          data-testid={`node-pin-${id}`}
          title="Pinned output: test runs reuse it instead of running this step"
          // Left of the title's end, so it never covers a "Suggested" badge on the right.
          className="absolute -top-2.5 left-5 flex h-5 items-center gap-0.5 rounded-full bg-amber-100 px-1.5 text-[10px] font-semibold text-amber-900 shadow-sm ring-2 ring-white dark:bg-amber-500/25 dark:text-amber-100 dark:ring-zinc-900"
        >
          <Pin aria-hidden className="size-3" /> Pinned
        </span>
      )}
      <NodeRunState nodeId={id} />
      <NodeMarker nodeId={id} />
    </div>
  );
});
