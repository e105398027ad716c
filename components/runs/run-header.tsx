import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import type { RunDetail } from "@/lib/runtime/contract";
import { formatCost, formatCount, formatDuration, formatMoment } from "@/lib/format/run-format";
import { RunStatusBadge } from "./run-status-badge";
import { startedBy, versionLabel } from "./run-labels";

function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className="mt-1 text-sm font-medium tabular-nums break-words" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The run's name, status and figures: what a manager reads first. `now` measures a run still going. */
export function RunHeader({ run, actions, now }: { run: RunDetail; actions?: React.ReactNode; now: number }) {
  const going = run.startedAt && !run.endedAt ? now - new Date(run.startedAt).getTime() : null;
  return (
    <header className="mb-6 space-y-5">
      <Link href={`/workflows/${run.workflowId}/runs`} className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-accent-600 dark:text-zinc-400">
        <ArrowLeft aria-hidden className="size-4" /> All runs of this workflow
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">
              <Link href={`/workflows/${run.workflowId}`} className="hover:text-accent-600 hover:underline" title="Open in the designer">
                {run.workflowName || "Untitled workflow"}
              </Link>
            </h1>
            <RunStatusBadge status={run.status} className="text-sm" />
          </div>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {versionLabel(run.version)} · {startedBy(run.trigger)} · <span className="font-mono text-xs">{run.id}</span>
            {run.trigger.startedFrom && (
              <>
                {" · "}
                <span data-testid="run-started-from">
                  started from {run.graph.find((n) => n.nodeId === run.trigger.startedFrom!.nodeId)?.label ?? run.trigger.startedFrom.nodeId} using data of{" "}
                  <Link href={`/runs/${run.trigger.startedFrom.runId}`} className="text-accent-600 hover:underline">
                    run #{run.trigger.startedFrom.runId.slice(-6)}
                  </Link>
                </span>
              </>
            )}
            {run.parentRunId && (
              <>
                {" · "}
                <Link href={`/runs/${run.parentRunId}`} className="text-accent-600 hover:underline">
                  started by another run
                </Link>
              </>
            )}
          </p>
        </div>
        {actions}
      </div>
      <dl className="grid grid-cols-2 gap-4 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-zinc-800 dark:bg-zinc-900">
        <Figure label="Started" value={formatMoment(run.startedAt ?? run.createdAt)} />
        <Figure label="Ended" value={run.endedAt ? formatMoment(run.endedAt) : "—"} />
        <Figure label="Duration" value={run.durationMs !== null ? formatDuration(run.durationMs) : going !== null ? `${formatDuration(going)} so far` : "—"} testId="run-duration" />
        <Figure label="Cost" value={formatCost(run.metrics.cost)} testId="run-cost" />
        <Figure label="Tokens" value={formatCount(run.metrics.tokens)} testId="run-tokens" />
        <Figure label="AI calls" value={formatCount(run.metrics.aiCalls)} />
      </dl>
    </header>
  );
}
