import type { TaskView } from "@/lib/tasks/queries";
import { formatMoment } from "@/lib/format/run-format";

const VERBS: Record<string, string> = {
  created: "Created by the workflow",
  claimed: "Claimed",
  released: "Released",
  delegated: "Delegated",
  escalated: "Escalated",
  overdue: "Became overdue",
  reminded: "Reminder sent",
  completed: "Completed",
  cancelled: "Cancelled",
};

export function TaskHistory({ history }: { history: TaskView["history"] }) {
  return (
    <ol className="space-y-3 text-sm" data-testid="task-history">
      {history.map((h, i) => (
        <li key={i} className="flex gap-3">
          <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-zinc-300 dark:bg-zinc-600" />
          <div>
            <p>
              <span className="font-medium">{h.type === "completed" && h.detail ? (h.detail === "reject" ? "Rejected" : "Approved") : VERBS[h.type] ?? h.type}</span>
              {h.byName && <span className="text-zinc-600 dark:text-zinc-400"> by {h.byName}</span>}
              {h.detail && h.type !== "completed" && <span className="text-zinc-600 dark:text-zinc-400"> — {h.detail}</span>}
            </p>
            <time dateTime={h.at} className="text-xs text-zinc-500">
              {formatMoment(h.at)}
            </time>
          </div>
        </li>
      ))}
    </ol>
  );
}
