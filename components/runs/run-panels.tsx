// The run's input and output, what it waits for, its error, and its AI usage.
import { Hourglass, UserCheck, Workflow } from "lucide-react";
import { JsonViewer } from "@/components/ui/json-viewer";
import type { RunDetail } from "@/lib/runtime/contract";
import { formatCost, formatCount, formatMoment } from "@/lib/format/run-format";
import { PrunedValue } from "./run-pruned";

const panel = "rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900";
const heading = "border-b border-zinc-200 px-4 py-3 text-sm font-semibold dark:border-zinc-800";

export function RunError({ run, labels }: { run: RunDetail; labels: Map<string, string> }) {
  if (run.status !== "failed" || !run.errorDetail) return null;
  const node = run.errorDetail.nodeId ? (labels.get(run.errorDetail.nodeId) ?? run.errorDetail.nodeId) : null;
  return (
    <div role="alert" data-testid="run-error" className="mb-6 rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-300">
      <p className="font-semibold">The run failed{node ? ` at “${node}”` : ""}.</p>
      <p className="mt-1 whitespace-pre-wrap break-words">{run.errorDetail.message}</p>
    </div>
  );
}

function waitText(w: RunDetail["waiting"][number]): { icon: typeof Hourglass; text: string } {
  if (w.reason === "human") return { icon: UserCheck, text: "Waiting for a human task" };
  if (w.reason === "subprocess") return { icon: Workflow, text: "Waiting for a child run" };
  if (w.reason === "budget") return { icon: UserCheck, text: "Waiting for an owner to approve extra AI spend (over the run's budget)" };
  if (w.until) return { icon: Hourglass, text: `Timer until ${formatMoment(w.until)}` };
  return { icon: Hourglass, text: `Waiting (${w.reason || "for an answer"})` };
}

export function RunWaiting({ run, labels }: { run: RunDetail; labels: Map<string, string> }) {
  if (run.waiting.length === 0) return null;
  return (
    <section aria-labelledby="waiting-heading" className="mb-6 rounded-xl border border-amber-200 bg-amber-50 dark:border-amber-500/30 dark:bg-amber-500/10">
      <h2 id="waiting-heading" className="px-4 pt-3 text-sm font-semibold text-amber-900 dark:text-amber-200">
        Waiting steps
      </h2>
      <ul className="px-4 pb-3" data-testid="run-waiting">
        {run.waiting.map((w) => {
          const { icon: Icon, text } = waitText(w);
          return (
            <li key={w.stepId} className="mt-2 flex items-center gap-2 text-sm text-amber-900 dark:text-amber-200">
              <Icon aria-hidden className="size-4 shrink-0" />
              <span>
                <span className="font-medium">{labels.get(w.nodeId) ?? w.nodeId}</span>: {text}
                <span className="text-amber-800/80 dark:text-amber-300/80"> · since {formatMoment(w.since)}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function RunData({ run }: { run: RunDetail }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="input-heading" className={panel}>
        <h2 id="input-heading" className={heading}>
          Input
        </h2>
        <div className="p-4">
          {run.pruned ? <PrunedValue what="The run's input was" /> : <JsonViewer value={run.input ?? {}} label="Run input" people={run.people} />}
        </div>
      </section>
      <section aria-labelledby="output-heading" className={panel}>
        <h2 id="output-heading" className={heading}>
          Output
        </h2>
        <div className="p-4" data-testid="run-output">
          {run.pruned ? (
            <PrunedValue what="The run's output was" />
          ) : run.status === "completed" ? (
            <JsonViewer value={run.output} label="Run output" people={run.people} />
          ) : (
            <p className="text-sm text-zinc-500">{run.status === "failed" || run.status === "cancelled" ? `No output: the run ${run.status === "failed" ? "failed" : "was cancelled"}.` : "The output appears when the run reaches an End node."}</p>
          )}
        </div>
      </section>
    </div>
  );
}

export function AiUsageTable({ rows }: { rows: RunDetail["aiUsage"] }) {
  return (
    <section aria-labelledby="ai-heading" className={panel}>
      <h2 id="ai-heading" className={heading}>
        AI usage
      </h2>
      {rows.length === 0 ? (
        <p className="px-4 py-4 text-sm text-zinc-500">This run made no AI calls.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="ai-usage">
            <thead className="text-xs uppercase tracking-wide text-zinc-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Provider</th>
                <th scope="col" className="px-4 py-2 font-medium">Model</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Calls</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Input tokens</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Output tokens</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Cost</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((r) => (
                <tr key={`${r.provider}/${r.model}`}>
                  <td className="px-4 py-2">{r.provider}</td>
                  <td className="px-4 py-2 font-mono text-xs">{r.model}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCount(r.calls)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCount(r.inputTokens)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCount(r.outputTokens)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCost(r.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
