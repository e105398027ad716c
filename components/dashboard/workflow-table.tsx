"use client";
// The per-workflow table, sortable by any column (click or Enter on its header).
import Link from "next/link";
import { ArrowDown, ArrowUp } from "lucide-react";
import { useMemo, useState } from "react";
import type { WorkflowRow } from "@/lib/dashboard/aggregate";
import { formatCount, formatDuration, formatMoney, formatPercent } from "@/lib/dashboard/format";
import { filterQuery, type Filters } from "@/lib/dashboard/params";
import { Sparkline } from "./sparkline";

type SortKey = "name" | "runs" | "failed" | "successRate" | "p95" | "cost";
const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "name", label: "Workflow", numeric: false },
  { key: "runs", label: "Runs", numeric: true },
  { key: "failed", label: "Failed", numeric: true },
  { key: "successRate", label: "Success rate", numeric: true },
  { key: "p95", label: "p95 duration", numeric: true },
  { key: "cost", label: "AI cost", numeric: true },
];

export function WorkflowTable({ rows, filters }: { rows: WorkflowRow[]; filters: Filters }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "runs", desc: true });
  const sorted = useMemo(() => {
    const dir = sort.desc ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      if (typeof x === "string" || typeof y === "string") return dir * String(x).localeCompare(String(y));
      return dir * ((x ?? -1) - (y ?? -1));
    });
  }, [rows, sort]);
  const link = (changes: Partial<Filters>) => `/runs?${filterQuery(filters, { page: 1, ...changes })}`;

  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm" data-testid="workflow-table">
        <caption className="sr-only">Runs per workflow</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.desc ? "descending" : "ascending") : "none"} className={c.numeric ? "px-4 py-3 text-right" : "px-4 py-3"}>
                <button
                  type="button"
                  className="inline-flex items-center gap-1 font-medium uppercase hover:text-zinc-900 dark:hover:text-zinc-100"
                  onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.numeric }))}
                >
                  {c.label}
                  {sort.key === c.key && (sort.desc ? <ArrowDown aria-hidden className="size-3" /> : <ArrowUp aria-hidden className="size-3" />)}
                </button>
              </th>
            ))}
            <th scope="col" className="px-4 py-3 font-medium">Trend</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 tabular-nums dark:divide-zinc-800">
          {sorted.map((r) => (
            <tr key={r.workflowId} data-testid={`workflow-row-${r.name}`}>
              <td className="max-w-xs truncate px-4 py-2.5">
                <Link href={link({ workflow: r.workflowId })} className="font-medium hover:text-accent-600 hover:underline">
                  {r.name}
                </Link>
              </td>
              <td className="px-4 py-2.5 text-right">
                <Link href={link({ workflow: r.workflowId })} className="hover:underline">{formatCount(r.runs)}</Link>
              </td>
              <td className="px-4 py-2.5 text-right">
                <Link href={link({ workflow: r.workflowId, status: "failed" })} data-testid="failed-runs-link" className={r.failed > 0 ? "text-red-700 hover:underline dark:text-red-400" : "text-zinc-500 hover:underline"}>
                  {formatCount(r.failed)}
                </Link>
              </td>
              <td className="px-4 py-2.5 text-right">{formatPercent(r.successRate)}</td>
              <td className="px-4 py-2.5 text-right">{formatDuration(r.p95)}</td>
              <td className="px-4 py-2.5 text-right">{formatMoney(r.cost)}</td>
              <td className="px-4 py-2.5">
                <Sparkline values={r.trend} label={`Runs per day for ${r.name}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
