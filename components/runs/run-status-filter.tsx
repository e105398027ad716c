import Link from "next/link";
import type { RunStatus } from "@/lib/engine/state";
import { RUN_STATUSES } from "@/lib/runtime/list-params";
import { cn } from "@/lib/utils";
import { runStatusLabel } from "./run-status-badge";

/** Status tabs as links: the filter lives in the URL (?status=), so it can be shared and reloaded. */
export function RunStatusFilter({ workflowId, current }: { workflowId: string; current?: RunStatus }) {
  const options: { value?: RunStatus; label: string }[] = [{ label: "All" }, ...RUN_STATUSES.map((s) => ({ value: s, label: runStatusLabel(s) }))];
  return (
    <nav aria-label="Filter runs by status" className="mb-4 flex flex-wrap gap-1" data-testid="run-status-filter">
      {options.map(({ value, label }) => {
        const active = value === current;
        return (
          <Link
            key={label}
            href={value ? `/workflows/${workflowId}/runs?status=${value}` : `/workflows/${workflowId}/runs`}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              active ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800",
            )}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
