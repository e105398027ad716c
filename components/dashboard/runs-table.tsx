import Link from "next/link";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import type { RunStatus } from "@/lib/engine/state";
import type { RunRow } from "@/lib/dashboard/runs";
import { formatDuration, formatMoney } from "@/lib/dashboard/format";

export function RunsTable({ rows }: { rows: RunRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm" data-testid="runs-table">
        <caption className="sr-only">Runs</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Run</th>
            <th scope="col" className="px-4 py-3 font-medium">Workflow</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 font-medium">Ended (UTC)</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Duration</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">AI cost</th>
            <th scope="col" className="px-4 py-3 font-medium">Error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((r) => (
            <tr key={r.id} data-testid="run-row" data-status={r.status}>
              <td className="px-4 py-2.5 font-mono text-xs">
                <Link href={`/runs/${r.id}`} className="text-accent-600 hover:underline">{r.id.slice(-8)}</Link>
              </td>
              <td className="max-w-48 truncate px-4 py-2.5">{r.workflowName}</td>
              <td className="px-4 py-2.5">
                <RunStatusBadge status={r.status as RunStatus} />
              </td>
              <td className="whitespace-nowrap px-4 py-2.5 tabular-nums">{r.endedAt.slice(0, 16).replace("T", " ")}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{formatDuration(r.durationMs)}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{formatMoney(r.cost)}</td>
              <td className="max-w-sm px-4 py-2.5 text-xs text-red-700 dark:text-red-400">
                {r.error && (
                  <span className="line-clamp-2" title={r.error}>
                    {r.errorNodeId && <code className="mr-1 text-zinc-500">{r.errorNodeId}</code>}
                    {r.error}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
