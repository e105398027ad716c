import type { NodeStatus, RunStatus } from "@/lib/engine/state";
import { cn } from "@/lib/utils";

type Look = { label: string; className: string; live?: boolean };

const GREEN = "bg-emerald-50 text-emerald-700 dark:bg-emerald-500/15 dark:text-emerald-300";
const RED = "bg-red-50 text-red-700 dark:bg-red-500/15 dark:text-red-300";
const BLUE = "bg-sky-50 text-sky-700 dark:bg-sky-500/15 dark:text-sky-300";
const AMBER = "bg-amber-50 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300";
const GREY = "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";

const RUN: Record<RunStatus, Look> = {
  pending: { label: "Pending", className: GREY },
  running: { label: "Running", className: BLUE, live: true },
  paused: { label: "Waiting", className: AMBER },
  completed: { label: "Succeeded", className: GREEN },
  failed: { label: "Failed", className: RED },
  cancelled: { label: "Cancelled", className: GREY },
};

const STEP: Record<NodeStatus, Look> = {
  ready: { label: "Pending", className: GREY },
  running: { label: "Running", className: BLUE, live: true },
  waiting: { label: "Waiting", className: AMBER },
  retrying: { label: "Retrying", className: AMBER },
  succeeded: { label: "Succeeded", className: GREEN },
  failed: { label: "Failed", className: RED },
  skipped: { label: "Skipped", className: GREY },
  cancelled: { label: "Cancelled", className: GREY },
};

/** Words people read for a run status ("completed" reads as "Succeeded", "paused" as "Waiting"). */
export function runStatusLabel(status: RunStatus): string {
  return (RUN[status] ?? RUN.pending).label;
}

function StatusPill({ look, className, testId, status }: { look: Look; className?: string; testId: string; status: string }) {
  return (
    <span data-testid={testId} data-status={status} className={cn("inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium", look.className, className)}>
      <span aria-hidden className={cn("size-1.5 rounded-full bg-current", look.live && "animate-pulse")} />
      {look.label}
    </span>
  );
}

/** A run's status as a coloured pill (data-status holds the raw status for tests and styling). */
export function RunStatusBadge({ status, className }: { status: RunStatus; className?: string }) {
  return <StatusPill look={RUN[status] ?? RUN.pending} className={className} testId="run-status" status={status} />;
}

/** A step's or a node's status (the canvas's node states use the same words and colours). */
export function StepStatusBadge({ status, className }: { status: NodeStatus; className?: string }) {
  return <StatusPill look={STEP[status] ?? STEP.ready} className={className} testId="step-status" status={status} />;
}
