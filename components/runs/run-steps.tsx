"use client";

// The run's steps, one row per finished attempt plus the steps still in progress. A row opens
// (a button with aria-expanded) to the step's input, output, error and console lines.
import { useState } from "react";
import { ChevronRight } from "lucide-react";
import { JsonViewer } from "@/components/ui/json-viewer";
import type { RunDetail, RunStepView } from "@/lib/runtime/contract";
import { formatDuration, formatMoment } from "@/lib/format/run-format";
import { cn } from "@/lib/utils";
import { RunFromHereButton } from "./run-from-here-button";
import { PrunedValue } from "./run-pruned";
import { StepStatusBadge } from "./run-status-badge";

type Labels = Map<string, string>;
/** Set when the viewer may start test runs of the workflow: each step offers "Run from here". */
type RunFrom = { workflowId: string; runId: string; startId: string | undefined } | null;

function StepBody({ step, name, pruned, people, runFrom }: { step: RunStepView; name: string; pruned: boolean; people?: Record<string, string>; runFrom: RunFrom }) {
  const canRunFrom = runFrom && !pruned && !step.truncated && step.nodeId !== runFrom.startId;
  return (
    <div className="space-y-4 border-t border-zinc-100 bg-zinc-50/60 px-4 py-4 dark:border-zinc-800 dark:bg-zinc-950/40">
      <dl className="grid gap-x-6 gap-y-1 text-xs text-zinc-600 sm:grid-cols-3 dark:text-zinc-400">
        <div>
          <dt className="inline font-medium">Step </dt>
          <dd className="inline font-mono">{step.stepId}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Started </dt>
          <dd className="inline">{formatMoment(step.startedAt)}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Ended </dt>
          <dd className="inline">{formatMoment(step.endedAt)}</dd>
        </div>
      </dl>
      {step.error && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-300" data-testid="step-error">
          <p className="font-medium">Error{step.error.code ? ` (${step.error.code})` : ""}</p>
          <p className="mt-1 whitespace-pre-wrap break-words">{step.error.message}</p>
        </div>
      )}
      {step.truncated && <p className="text-xs text-amber-700 dark:text-amber-300">This step&apos;s input or output was too large to keep here in full; the run&apos;s events hold the whole value.</p>}
      {pruned ? (
        <PrunedValue what="This step's input, output and console lines were" />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <h4 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500">Input</h4>
            <JsonViewer value={step.input} label={`Input of ${name}`} people={people} />
          </div>
          <div>
            <h4 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500">Output</h4>
            {step.status === "succeeded" ? <JsonViewer value={step.output} label={`Output of ${name}`} people={people} /> : <p className="text-sm text-zinc-500">No output: the step {step.status}.</p>}
          </div>
        </div>
      )}
      {canRunFrom && <RunFromHereButton workflowId={runFrom.workflowId} fromRunId={runFrom.runId} nodeId={step.nodeId} name={name} />}
      {step.logs.length > 0 && (
        <div>
          <h4 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500">Console ({step.logs.length})</h4>
          <pre className="max-h-64 overflow-auto rounded-lg border border-zinc-200 bg-zinc-950 p-3 font-mono text-xs leading-5 text-zinc-100 dark:border-zinc-800">
            {step.logs.join("\n")}
          </pre>
        </div>
      )}
    </div>
  );
}

function StepRow({ step, labels, index, pruned, people, runFrom }: { step: RunStepView; labels: Labels; index: number; pruned: boolean; people?: Record<string, string>; runFrom: RunFrom }) {
  const [open, setOpen] = useState(false);
  const name = labels.get(step.nodeId) ?? step.nodeId;
  const panelId = `step-panel-${index}`;
  return (
    <li data-testid="run-step" data-node-id={step.nodeId} data-status={step.status}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center gap-3 px-4 py-3 text-left text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800/50"
      >
        <ChevronRight aria-hidden className={cn("size-4 shrink-0 text-zinc-400 transition-transform", open && "rotate-90")} />
        <span className="min-w-0 flex-1">
          <span className="font-medium">{name}</span>
          {name !== step.nodeId && <span className="ml-2 font-mono text-xs text-zinc-500">{step.nodeId}</span>}
        </span>
        <span className="hidden w-20 text-xs text-zinc-500 sm:block">{step.attempt > 1 ? `attempt ${step.attempt}` : ""}</span>
        <span className="w-20 text-right font-mono text-xs tabular-nums text-zinc-600 dark:text-zinc-400">{formatDuration(step.durationMs)}</span>
        <span className="w-24 text-right">
          <StepStatusBadge status={step.status} />
        </span>
      </button>
      {open && (
        <div id={panelId}>
          <StepBody step={step} name={name} pruned={pruned} people={people} runFrom={runFrom} />
        </div>
      )}
    </li>
  );
}

/** Steps that have not finished: running, waiting, retrying or about to run. */
function pendingNodes(run: Pick<RunDetail, "nodes">) {
  return run.nodes.filter((n) => n.status === "running" || n.status === "waiting" || n.status === "retrying" || n.status === "ready");
}

export function RunSteps({ run }: { run: Pick<RunDetail, "steps" | "nodes" | "graph"> & Partial<Pick<RunDetail, "pruned" | "people" | "id" | "workflowId" | "canRerun">> }) {
  const pruned = Boolean(run.pruned);
  const runFrom: RunFrom = run.canRerun && run.id && run.workflowId ? { workflowId: run.workflowId, runId: run.id, startId: run.graph.find((n) => n.type === "start")?.nodeId } : null;
  const labels: Labels = new Map(run.graph.map((n) => [n.nodeId, n.label]));
  const inProgress = pendingNodes(run);
  return (
    <section aria-labelledby="steps-heading" className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id="steps-heading" className="text-sm font-semibold">
          Steps <span className="font-normal text-zinc-500">· {run.steps.length} finished</span>
        </h2>
        <span className="text-xs text-zinc-500">{pruned ? "Open a step to see its timings and errors" : "Open a step to see its input, output and logs"}</span>
      </div>
      {run.steps.length === 0 && inProgress.length === 0 ? (
        <p className="px-4 py-6 text-sm text-zinc-500">No step has run yet.</p>
      ) : (
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {run.steps.map((step, i) => (
            <StepRow key={`${step.stepId}@${step.attempt}:${i}`} step={step} labels={labels} index={i} pruned={pruned} people={run.people} runFrom={runFrom} />
          ))}
          {inProgress.map((n) => (
            <li key={`live-${n.nodeId}`} data-testid="run-step-live" data-node-id={n.nodeId} className="flex items-center gap-3 px-4 py-3 text-sm">
              <span aria-hidden className="size-4 shrink-0" />
              <span className="min-w-0 flex-1 font-medium">{labels.get(n.nodeId) ?? n.nodeId}</span>
              <span className="w-24 text-right">
                <StepStatusBadge status={n.status} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
