"use client";

import { cn } from "@/lib/utils";
import { dueLabel } from "@/lib/tasks/sla";
import { useNow } from "./use-now";

/** "due in 1 h 4 min", ticking; red once the due date has passed. */
export function Countdown({ dueAt, className }: { dueAt: string | null; className?: string }) {
  const now = useNow(1_000);
  if (!dueAt) return <span className={cn("text-zinc-500", className)}>No due date</span>;
  const due = Date.parse(dueAt);
  return (
    <time dateTime={dueAt} title={new Date(due).toLocaleString()} data-testid="countdown" className={cn("tabular-nums", due <= now ? "font-medium text-red-600 dark:text-red-400" : "text-zinc-700 dark:text-zinc-300", className)}>
      {dueLabel(due, now)}
    </time>
  );
}
