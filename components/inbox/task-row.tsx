"use client";

import Link from "next/link";
import { memo } from "react";
import { cn } from "@/lib/utils";
import type { TaskRow } from "@/lib/tasks/rows";
import { dueLabel } from "@/lib/tasks/sla";
import { PriorityBadge, TaskStatusBadge } from "./priority-badge";
import { formatMoment } from "@/lib/format/run-format";

export const ROW_HEIGHT = 68;


export const TaskRowView = memo(function TaskRowView({ row, index, selected, now, onSelect }: { row: TaskRow; index: number; selected: boolean; now: number; onSelect: (index: number) => void }) {
  const due = dueLabel(row.dueAt, now);
  const late = row.dueAt !== null && row.dueAt <= now;
  return (
    <Link
      href={`/inbox/${row.id}`}
      // Rows fly past while scrolling: prefetching each one's page would send thousands of requests.
      prefetch={false}
      data-testid="task-row"
      data-task-id={row.id}
      aria-current={selected ? "true" : undefined}
      onFocus={() => onSelect(index)}
      className={cn(
        "flex h-full items-center gap-4 border-b border-zinc-100 px-4 outline-none dark:border-zinc-800",
        selected ? "bg-accent-50 ring-2 ring-inset ring-accent-500/40 dark:bg-accent-500/10" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/50",
      )}
    >
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{row.title}</p>
        <p className="truncate text-xs text-zinc-500">
          {row.workflowName || "Workflow"} · created {formatMoment(row.createdAt)}
        </p>
      </div>
      <PriorityBadge priority={row.priority} className="hidden sm:inline-flex" />
      <span className={cn("hidden w-36 text-right text-xs tabular-nums md:block", late ? "font-medium text-red-600 dark:text-red-400" : "text-zinc-500")}>
        {row.status === "completed" ? (row.decision === "reject" ? "Rejected" : "Approved") : (due ?? "no due date")}
      </span>
      <TaskStatusBadge status={row.status} />
    </Link>
  );
});

export function RowSkeleton() {
  return (
    <div className="flex h-full items-center gap-4 border-b border-zinc-100 px-4 dark:border-zinc-800" aria-hidden>
      <div className="flex-1 space-y-2">
        <div className="h-3 w-2/3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
        <div className="h-2.5 w-1/3 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
      </div>
    </div>
  );
}
