"use client";

import Link from "next/link";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cancelStuckRunAction, retryStuckRunAction } from "@/app/(app)/settings/operations/actions";
import type { OperationsRun } from "@/lib/operations/queries";

/** One list of the operations page; retry is offered for failed runs, cancel for the others. */
export function OperationsTable({ runs, label }: { runs: OperationsRun[]; label: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Run</th>
            <th scope="col" className="px-4 py-3 font-medium">Why</th>
            <th scope="col" className="px-4 py-3 font-medium">Since</th>
            <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {runs.map((run) => (
            <OperationsRow key={run.runId} run={run} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OperationsRow({ run }: { run: OperationsRun }) {
  const [pending, startTransition] = useTransition();
  const act = (action: (runId: string) => Promise<{ ok: boolean; message: string }>) =>
    startTransition(async () => {
      const result = await action(run.runId);
      if (result.ok) toast.success(result.message);
      else toast.error(result.message);
    });
  return (
    <tr data-testid={`operations-run-${run.runId}`}>
      <td className="px-4 py-3">
        <Link href={`/runs/${run.runId}`} className="font-medium hover:underline">
          {run.workflowName}
        </Link>
        <span className="block text-xs text-zinc-500">
          {run.runId} · {run.status}
        </span>
      </td>
      <td className="px-4 py-3 text-zinc-600 dark:text-zinc-400">{run.why}</td>
      <td className="px-4 py-3 whitespace-nowrap text-zinc-500">{new Date(run.since).toLocaleString()}</td>
      <td className="px-4 py-3 text-right whitespace-nowrap">
        {run.status === "failed" ? (
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => act(retryStuckRunAction)}>
            Retry
          </Button>
        ) : (
          <Button size="sm" variant="danger" disabled={pending} onClick={() => act(cancelStuckRunAction)}>
            Cancel
          </Button>
        )}
      </td>
    </tr>
  );
}
