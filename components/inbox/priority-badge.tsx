import { cn } from "@/lib/utils";
import type { TaskPriority } from "@/lib/tasks/sla";

const TONES: Record<TaskPriority, string> = {
  low: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
  medium: "bg-sky-50 text-sky-700 dark:bg-sky-500/15 dark:text-sky-300",
  high: "bg-amber-50 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300",
  urgent: "bg-red-50 text-red-700 dark:bg-red-500/15 dark:text-red-300",
};

export function PriorityBadge({ priority, className }: { priority: TaskPriority; className?: string }) {
  return <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium capitalize", TONES[priority], className)}>{priority}</span>;
}

const STATUS_LABELS: Record<string, string> = { pending: "Waiting", in_progress: "Claimed", overdue: "Overdue", completed: "Done", cancelled: "Cancelled" };
const STATUS_TONES: Record<string, string> = {
  pending: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  in_progress: "bg-accent-50 text-accent-700 dark:bg-accent-500/15 dark:text-accent-100",
  overdue: "bg-red-50 text-red-700 dark:bg-red-500/15 dark:text-red-300",
  completed: "bg-emerald-50 text-emerald-700 dark:bg-emerald-500/15 dark:text-emerald-300",
  cancelled: "bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400",
};

export function TaskStatusBadge({ status }: { status: string }) {
  return (
    <span data-testid="task-status" className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", STATUS_TONES[status])}>
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}
