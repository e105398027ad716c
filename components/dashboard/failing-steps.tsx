import Link from "next/link";
import type { FailingStep } from "@/lib/dashboard/aggregate";
import { filterQuery, type Filters } from "@/lib/dashboard/params";

/** The steps that failed runs most often in the period, each with its latest error. */
export function FailingSteps({ steps, filters }: { steps: FailingStep[]; filters: Filters }) {
  if (steps.length === 0) {
    return <p className="rounded-xl border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-500 dark:border-zinc-700">No run failed in this period.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm" data-testid="failing-steps">
        <caption className="sr-only">Most failing steps</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Step</th>
            <th scope="col" className="px-4 py-3 font-medium">Workflow</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Failed runs</th>
            <th scope="col" className="px-4 py-3 font-medium">Latest error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {steps.map((s) => (
            <tr key={`${s.workflowId}:${s.nodeId}`}>
              <td className="px-4 py-2.5 font-mono text-xs">{s.nodeId}</td>
              <td className="max-w-48 truncate px-4 py-2.5">{s.workflowName}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">
                <Link href={`/runs?${filterQuery(filters, { workflow: s.workflowId, status: "failed", step: s.nodeId, page: 1 })}`} className="text-red-700 hover:underline dark:text-red-400">
                  {s.failures}
                </Link>
              </td>
              <td className="max-w-md px-4 py-2.5">
                <Link href={`/runs/${s.lastRunId}`} className="line-clamp-2 hover:underline" title={s.lastMessage}>
                  {s.lastMessage || "(no message)"}
                </Link>
                <span className="text-xs text-zinc-500">{new Date(s.lastAt).toISOString().slice(0, 16).replace("T", " ")} UTC</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
