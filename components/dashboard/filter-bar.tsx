"use client";
// The range and workflow (and, on the runs page, status) filters. They live in the URL, so a
// view can be shared and the back button works; every change is a navigation.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cn } from "@/lib/utils";
import { runStatusLabel } from "@/components/runs/run-status-badge";
import { filterQuery, RUN_STATUS_FILTERS, type Filters, type RangeKey } from "@/lib/dashboard/params";
import type { WorkflowOption } from "@/lib/dashboard/queries";

const PRESETS: { key: Exclude<RangeKey, "custom">; label: string }[] = [
  { key: "7d", label: "7 days" },
  { key: "30d", label: "30 days" },
  { key: "90d", label: "90 days" },
];

const field = "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export function FilterBar({
  basePath,
  filters,
  period,
  workflows,
  showStatus = false,
}: {
  basePath: string;
  filters: Filters;
  period: { from: string; to: string };
  workflows: WorkflowOption[];
  showStatus?: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [custom, setCustom] = useState(filters.range === "custom");
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const go = (changes: Partial<Filters>) => startTransition(() => router.push(`${basePath}?${filterQuery(filters, { page: 1, ...changes })}`));

  return (
    <div className="mb-6 flex flex-wrap items-end gap-3" data-testid="filter-bar" aria-busy={pending}>
      <div role="group" aria-label="Date range" className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5 dark:border-zinc-700 dark:bg-zinc-900">
        {PRESETS.map((p) => (
          <button
            key={p.key}
            type="button"
            aria-pressed={!custom && filters.range === p.key}
            onClick={() => {
              setCustom(false);
              go({ range: p.key, from: undefined, to: undefined });
            }}
            className={cn(
              "h-8 rounded px-3 text-sm font-medium",
              !custom && filters.range === p.key ? "bg-accent-600 text-white" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
            )}
          >
            {p.label}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={custom}
          onClick={() => setCustom(true)}
          className={cn("h-8 rounded px-3 text-sm font-medium", custom ? "bg-accent-600 text-white" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800")}
        >
          Custom
        </button>
      </div>

      {custom && (
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            go({ range: "custom", from, to });
          }}
        >
          <label className="flex flex-col text-xs text-zinc-600 dark:text-zinc-400">
            From
            <input type="date" required value={from} onChange={(e) => setFrom(e.target.value)} className={field} />
          </label>
          <label className="flex flex-col text-xs text-zinc-600 dark:text-zinc-400">
            To
            <input type="date" required value={to} onChange={(e) => setTo(e.target.value)} className={field} />
          </label>
          <button type="submit" className="h-9 rounded-md bg-accent-600 px-3 text-sm font-medium text-white hover:bg-accent-700">
            Apply
          </button>
        </form>
      )}

      <label className="flex flex-col text-xs text-zinc-600 dark:text-zinc-400">
        Workflow
        <select className={cn(field, "min-w-48")} value={filters.workflow ?? ""} onChange={(e) => go({ workflow: e.target.value || null })}>
          <option value="">All workflows</option>
          {workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>

      {showStatus && (
        <label className="flex flex-col text-xs text-zinc-600 dark:text-zinc-400">
          Status
          <select className={field} value={filters.status ?? ""} onChange={(e) => go({ status: (e.target.value || null) as Filters["status"] })}>
            <option value="">Any status</option>
            {RUN_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {runStatusLabel(s)}
              </option>
            ))}
          </select>
        </label>
      )}
      {pending && <span className="pb-2 text-xs text-zinc-500">Loading…</span>}
    </div>
  );
}
