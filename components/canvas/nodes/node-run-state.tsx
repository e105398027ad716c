"use client";
// A node's state in the watched run: a coloured ring on the node and a small status chip with
// the duration (or what it waits for) just below the node. Nothing while no run is watched. The
// chip floats (absolute) so a node keeps the size node-layout.ts gave React Flow.
import { memo } from "react";
import { CheckCircle2, Clock, Loader2, MinusCircle, RotateCw, XCircle, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import { useAnnotations } from "../store/context";
import type { LiveNodeStatus } from "../run/live-run";
import { formatDuration } from "@/lib/format/run-format";
import { waitLabel } from "../run/format";

const LOOK: Record<LiveNodeStatus, { label: string; icon: LucideIcon | null; chip: string }> = {
  pending: { label: "Pending", icon: null, chip: "bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400" },
  running: { label: "Running", icon: Loader2, chip: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-200" },
  retrying: { label: "Retrying", icon: RotateCw, chip: "bg-amber-100 text-amber-800 dark:bg-amber-500/15 dark:text-amber-200" },
  waiting: { label: "Waiting", icon: Clock, chip: "bg-violet-100 text-violet-800 dark:bg-violet-500/15 dark:text-violet-200" },
  succeeded: { label: "Succeeded", icon: CheckCircle2, chip: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-200" },
  failed: { label: "Failed", icon: XCircle, chip: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-200" },
  skipped: { label: "Skipped", icon: MinusCircle, chip: "bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400" },
  cancelled: { label: "Cancelled", icon: MinusCircle, chip: "bg-zinc-200 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200" },
};

export const RING: Record<LiveNodeStatus, string> = {
  pending: "opacity-60",
  running: "ring-2 ring-sky-500 shadow-sky-500/30 shadow-md",
  retrying: "ring-2 ring-amber-500",
  waiting: "ring-2 ring-violet-500",
  succeeded: "ring-2 ring-emerald-500",
  failed: "ring-2 ring-red-500",
  skipped: "opacity-45",
  cancelled: "opacity-60 ring-1 ring-zinc-400",
};

export function useNodeRunStatus(nodeId: string): LiveNodeStatus | undefined {
  return useAnnotations((s) => s.liveRun?.nodes.get(nodeId)?.status);
}

export const NodeRunState = memo(function NodeRunState({ nodeId }: { nodeId: string }) {
  const node = useAnnotations((s) => s.liveRun?.nodes.get(nodeId));
  if (!node || node.status === "pending") return null;
  const look = LOOK[node.status];
  const Icon = look.icon;
  const detail = node.status === "waiting" ? waitLabel(node.note) : node.durationMs !== null ? formatDuration(node.durationMs) : null;
  const title = [look.label, node.runs > 1 ? `${node.runs} runs` : null, node.note].filter(Boolean).join(" · ");
  return (
    <div className="absolute top-full left-3 mt-1 max-w-[calc(100%-1.5rem)]">
      <span
        data-testid={`node-run-state-${nodeId}`}
        data-status={node.status}
        title={title}
        className={cn("inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-[11px] font-medium", look.chip)}
      >
        {Icon && <Icon aria-hidden className={cn("size-3 shrink-0", node.status === "running" && "animate-spin")} />}
        <span className="truncate">
          {look.label}
          {detail ? ` · ${detail}` : ""}
          {node.runs > 1 ? ` · ×${node.runs}` : ""}
        </span>
      </span>
    </div>
  );
});
