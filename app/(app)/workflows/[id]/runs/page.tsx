import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArrowLeft, History } from "lucide-react";
import { RunStatusFilter } from "@/components/runs/run-status-filter";
import { runStatusLabel } from "@/components/runs/run-status-badge";
import { RunsTable } from "@/components/runs/runs-table";
import { StartRunButton } from "@/components/runs/start-run-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { parseRunListParams } from "@/lib/runtime/list-params";
import { listWorkflowRuns } from "@/lib/runtime/queries";

export const metadata: Metadata = { title: "Runs" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WorkflowRunsPage({ params, searchParams }: Props) {
  const actor = await requirePagePermission("workflows:view");
  const { id } = await params;
  const filter = parseRunListParams(await searchParams);
  const data = await listWorkflowRuns(actor, id, filter.status);
  if (!data) notFound();
  const { workflow, runs, limit } = data;
  const shown = runs.length >= limit ? `the latest ${limit}` : `${runs.length}`;

  return (
    <>
      <Link href={`/workflows/${workflow.id}`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-accent-600 dark:text-zinc-400">
        <ArrowLeft aria-hidden className="size-4" /> Back to the designer
      </Link>
      <PageHeader
        title={`Runs of ${workflow.name}`}
        description={filter.status ? `${shown} ${runStatusLabel(filter.status).toLowerCase()} ${runs.length === 1 ? "run" : "runs"}, newest first` : `${shown} ${runs.length === 1 ? "run" : "runs"}, newest first`}
        actions={workflow.canRun && <StartRunButton workflowId={workflow.id} publishedVersion={workflow.publishedVersion} draftFields={workflow.draftFields} />}
      />
      {filter.problem && (
        <p role="alert" className="mb-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-800 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-300" data-testid="filter-problem">
          {filter.problem}
        </p>
      )}
      <RunStatusFilter workflowId={workflow.id} current={filter.status} />
      {runs.length > 0 ? (
        <RunsTable runs={runs} now={new Date()} />
      ) : filter.status ? (
        <p className="rounded-xl border border-dashed border-zinc-300 px-6 py-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No {runStatusLabel(filter.status).toLowerCase()} runs.{" "}
          <Link href={`/workflows/${workflow.id}/runs`} className="font-medium text-accent-600 hover:underline">
            Show every run
          </Link>
        </p>
      ) : (
        <EmptyState
          icon={History}
          title="No runs yet"
          action={
            <Link href={`/workflows/${workflow.id}`} className="inline-flex h-10 items-center rounded-md bg-accent-600 px-4 text-sm font-medium text-white hover:bg-accent-700">
              Open the designer
            </Link>
          }
        >
          Start a run with the button above or from the designer. Every run shows up here with its status, duration and cost.
        </EmptyState>
      )}
    </>
  );
}
