"use client";
// The Run dialog's AI cost estimate: a range with how it was made, the per-run budget beside it,
// and a warning when today's day budget is spent (the start would be refused). Loading and
// refusals are shown in place; the estimate never blocks the Start button.
import { useQuery } from "@tanstack/react-query";
import { Loader2, Sparkles } from "lucide-react";
import { estimateRunCostAction } from "@/app/(app)/runs/actions";
import { formatCost } from "@/lib/format/run-format";
import type { RunCostEstimate as Estimate } from "@/lib/ai/budget/run-estimate";
import type { RunMode } from "@/lib/runtime/contract";

const range = (low: number, high: number) => (formatCost(low) === formatCost(high) ? formatCost(high) : `${formatCost(low)}–${formatCost(high)}`);

export function RunCostEstimate({ workflowId, mode, enabled }: { workflowId: string; mode: RunMode; enabled: boolean }) {
  const query = useQuery({
    queryKey: ["run-cost-estimate", workflowId, mode],
    enabled,
    staleTime: 10_000,
    queryFn: async (): Promise<Estimate> => {
      const answer = await estimateRunCostAction({ workflowId, mode });
      if (!answer.ok) throw new Error(answer.message);
      return answer.estimate;
    },
  });
  const box = "rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-700";
  if (query.isPending) {
    return (
      <p className={`${box} flex items-center gap-2 text-zinc-500`} data-testid="run-estimate" aria-busy>
        <Loader2 aria-hidden className="size-4 animate-spin" /> Estimating the AI cost…
      </p>
    );
  }
  if (query.isError) {
    return (
      <p className={`${box} text-zinc-500`} data-testid="run-estimate">
        No AI cost estimate: {query.error.message}
      </p>
    );
  }
  const e = query.data;
  if (e.steps.length === 0) return null; // nothing to estimate: no AI steps
  const { perRunUsd, perDayUsd } = e.budget;
  return (
    <div className={box} data-testid="run-estimate" aria-live="polite">
      <p className="flex items-center gap-2">
        <Sparkles aria-hidden className="size-4 text-accent-600" />
        <span>
          Estimated AI cost <strong data-testid="run-estimate-range">{range(e.lowUsd, e.highUsd)}</strong>{" "}
          <span className="text-zinc-500" data-testid="run-estimate-basis">
            ({e.basis})
          </span>
        </span>
      </p>
      {e.unpriced.length > 0 && <p className="mt-1 text-xs text-zinc-500">Price unknown for {e.unpriced.join(", ")}: not included.</p>}
      {perRunUsd !== undefined && (
        <p className="mt-1 text-xs text-zinc-500" data-testid="run-estimate-budget">
          Budget per run {formatCost(perRunUsd)}
          {e.highUsd > perRunUsd ? ": the run may pause for an owner to approve extra spend." : "."}
        </p>
      )}
      {perDayUsd !== undefined && (
        <p className={`mt-1 text-xs ${e.dayBlocked ? "font-medium text-red-600 dark:text-red-400" : "text-zinc-500"}`} role={e.dayBlocked ? "alert" : undefined}>
          Spent today {formatCost(e.spentTodayUsd)} of {formatCost(perDayUsd)} per day
          {e.dayBlocked ? ": the day budget is spent, so new runs are refused until midnight UTC." : "."}
        </p>
      )}
    </div>
  );
}
