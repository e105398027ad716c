// What the run page shows of a run whose details the retention policy removed: one notice at
// the top, and short lines where the input, output and event log would be, instead of empty JSON.
import { Archive } from "lucide-react";
import type { RunDetail } from "@/lib/runtime/contract";
import { formatDay } from "@/lib/format/run-format";
import { prunedNotice } from "@/lib/retention/policy";

export function RunPrunedNotice({ pruned }: { pruned: RunDetail["pruned"] }) {
  if (!pruned) return null;
  return (
    <div role="status" data-testid="run-pruned" className="mb-6 flex gap-3 rounded-xl border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
      <Archive aria-hidden className="mt-0.5 size-4 shrink-0 text-zinc-500" />
      <p>
        {prunedNotice(pruned, formatDay(pruned.at))} The steps, their timings, statuses and errors are kept, and the run still counts on the dashboard.
      </p>
    </div>
  );
}

/** The line that stands where removed data would be. */
export function PrunedValue({ what }: { what: string }) {
  return <p className="text-sm text-zinc-500">{what} removed by the retention policy.</p>;
}

export function PrunedTimeline() {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="timeline-heading" className="border-b border-zinc-200 px-4 py-3 text-sm font-semibold dark:border-zinc-800">
        Timeline
      </h2>
      <div className="px-4 py-6">
        <PrunedValue what="This run's event log was" />
      </div>
    </section>
  );
}
