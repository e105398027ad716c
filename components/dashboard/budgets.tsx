// The dashboard's AI budgets: each budgeted workflow's spend today against its day budget, its
// per-run budget, whether new runs are refused, and the runs paused for approval of extra spend
// (each links to its task in the inbox).
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatCost, formatMoment } from "@/lib/format/run-format";
import type { BudgetsView } from "@/lib/dashboard/budgets";

const cell = "px-4 py-2";

export function Budgets({ view }: { view: BudgetsView }) {
  return (
    <div className="space-y-3">
      {view.rows.length > 0 && (
        <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-left text-sm" data-testid="budgets-table">
            <caption className="sr-only">AI budgets per workflow</caption>
            <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
              <tr>
                <th scope="col" className={cell}>Workflow</th>
                <th scope="col" className={`${cell} text-right`}>Spent today</th>
                <th scope="col" className={`${cell} text-right`}>Per day</th>
                <th scope="col" className={`${cell} text-right`}>Per run</th>
                <th scope="col" className={cell}>Waiting for approval</th>
                <th scope="col" className={cell}>New runs</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {view.rows.map((r) => {
                const share = r.perDayUsd ? Math.min(1, r.spentTodayUsd / r.perDayUsd) : null;
                return (
                  <tr key={r.workflowId} data-testid={`budget-row-${r.workflowId}`}>
                    <td className={`${cell} font-medium`}>
                      <Link href={`/workflows/${r.workflowId}`} className="hover:underline">
                        {r.name}
                      </Link>
                    </td>
                    <td className={`${cell} text-right tabular-nums`}>
                      {formatCost(r.spentTodayUsd)}
                      {share !== null && (
                        <span className="ml-2 inline-block h-1.5 w-16 rounded-full bg-zinc-100 align-middle dark:bg-zinc-800" aria-hidden>
                          <span className={`block h-1.5 rounded-full ${r.blocked ? "bg-red-500" : share > 0.8 ? "bg-amber-500" : "bg-emerald-500"}`} style={{ width: `${Math.round(share * 100)}%` }} />
                        </span>
                      )}
                    </td>
                    <td className={`${cell} text-right tabular-nums`}>{r.perDayUsd === null ? "—" : formatCost(r.perDayUsd)}</td>
                    <td className={`${cell} text-right tabular-nums`}>{r.perRunUsd === null ? "—" : formatCost(r.perRunUsd)}</td>
                    <td className={cell}>{r.pendingApprovals === 0 ? "—" : `${r.pendingApprovals} run${r.pendingApprovals === 1 ? "" : "s"}, ${formatCost(r.pendingUsd)} extra`}</td>
                    <td className={cell}>{r.blocked ? <Badge tone="red">Blocked until midnight UTC</Badge> : <Badge tone="green">Allowed</Badge>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {view.rows.length > 0 && (
        <p className="text-xs text-zinc-500">Spent today counts runs of published versions that ended today (UTC), as the figures below do; test runs of drafts are left out.</p>
      )}
      {view.pending.length > 0 && (
        <ul className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white text-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900" data-testid="pending-spend">
          {view.pending.map((p) => (
            <li key={p.taskId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <Link href={`/inbox/${p.taskId}`} className="font-medium text-accent-600 hover:underline">
                {p.title}
              </Link>
              <span className="text-xs text-zinc-500">
                paused since {formatMoment(p.createdAt)} ·{" "}
                <Link href={`/runs/${p.runId}`} className="hover:underline">
                  the run
                </Link>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
