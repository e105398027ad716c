import Link from "next/link";
import type { RunSummary } from "@/lib/runtime/contract";
import { formatCost, formatDuration, formatMoment } from "@/lib/format/run-format";
import { relativeTime } from "@/lib/format/relative-time";
import { RunStatusBadge } from "./run-status-badge";
import { triggerLabel, versionLabel } from "./run-labels";

/** A workflow's runs, newest first; rendered on the server. */
export function RunsTable({ runs, now }: { runs: RunSummary[]; now: Date }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm" data-testid="runs-table">
        <caption className="sr-only">Runs</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 font-medium">Started</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Duration</th>
            <th scope="col" className="px-4 py-3 font-medium">Trigger</th>
            <th scope="col" className="px-4 py-3 font-medium">Version</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Cost</th>
            <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Open</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {runs.map((run) => {
            const started = run.startedAt ?? run.createdAt;
            return (
              <tr key={run.id} data-testid="run-row" data-run-id={run.id} data-status={run.status} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                <td className="px-4 py-3">
                  <RunStatusBadge status={run.status} />
                  {run.error && run.status === "failed" && (
                    <p className="mt-1 max-w-xs truncate text-xs text-red-700 dark:text-red-300" title={run.error}>
                      {run.error}
                    </p>
                  )}
                </td>
                <td className="whitespace-nowrap px-4 py-3">
                  <time dateTime={started} title={formatMoment(started)}>
                    {relativeTime(started, now)}
                  </time>
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-right font-mono text-xs tabular-nums">{formatDuration(run.durationMs)}</td>
                <td className="whitespace-nowrap px-4 py-3 text-zinc-700 dark:text-zinc-300">{triggerLabel(run.trigger)}</td>
                <td className="whitespace-nowrap px-4 py-3 text-zinc-700 dark:text-zinc-300">{run.version === null ? "Draft" : `v${run.version}`}</td>
                <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">{formatCost(run.metrics.cost)}</td>
                <td className="whitespace-nowrap px-4 py-3 text-right">
                  <Link
                    href={`/runs/${run.id}`}
                    className="rounded-md px-2 py-1 text-sm font-medium text-accent-600 hover:bg-accent-50 hover:underline dark:hover:bg-accent-500/10"
                    aria-label={`Open the run started ${formatMoment(started)} (${versionLabel(run.version)})`}
                  >
                    Open
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
