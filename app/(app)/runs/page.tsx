import Link from "next/link";
import { ListChecks } from "lucide-react";
import { Suspense } from "react";
import { requirePagePermission, type CurrentUser } from "@/lib/auth/session";
import { parseFilters, filterQuery } from "@/lib/dashboard/params";
import { listEndedRuns, RUNS_PAGE_SIZE } from "@/lib/dashboard/runs";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink } from "@/components/dashboard/export-link";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { Notices } from "@/components/dashboard/notices";
import { RunsSkeleton } from "@/components/dashboard/runs-skeleton";
import { RunsTable } from "@/components/dashboard/runs-table";

export const metadata = { title: "Runs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// No loading.tsx here: a skeleton boundary above the page would answer 200 before the
// permission check could answer 403 (and a runs/layout.tsx would also cover /runs/[id]).
export default async function RunsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("dashboard:view");
  const raw = await searchParams;
  return (
    <Suspense key={JSON.stringify(raw)} fallback={<RunsSkeleton />}>
      <RunsExplorer actor={actor} raw={raw} />
    </Suspense>
  );
}

async function RunsExplorer({ actor, raw }: { actor: CurrentUser; raw: Awaited<SearchParams> }) {
  const parsed = parseFilters(raw);
  const { rows, total, scope } = await listEndedRuns(actor, parsed);
  const filters = { ...parsed.filters, workflow: scope.selected };
  const { current } = parsed.periods;
  const pages = Math.max(1, Math.ceil(total / RUNS_PAGE_SIZE));
  const describe = [filters.status ? `${filters.status} runs` : "Ended runs", filters.step ? `that failed at step “${filters.step}”` : null, `${current.from} to ${current.to} (UTC)`]
    .filter(Boolean)
    .join(" ");

  return (
    <>
      <PageHeader
        title="Runs"
        description={`${describe} · ${total.toLocaleString("en-US")} found`}
        actions={
          <>
            <Link href={`/dashboard?${filterQuery({ ...filters, status: null, step: null, page: 1 })}`} className="text-sm font-medium text-accent-600 hover:underline">
              Back to the dashboard
            </Link>
            {total > 0 && <ExportLink table="runs" filters={filters} label="Export CSV" />}
          </>
        }
      />
      <Notices notices={scope.notices} />
      <FilterBar basePath="/runs" filters={filters} period={current} workflows={scope.workflows} showStatus />
      {filters.step && (
        <p className="mb-3 text-sm">
          Only runs that failed at step <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{filters.step}</code>.{" "}
          <Link href={`/runs?${filterQuery(filters, { step: null, page: 1 })}`} className="text-accent-600 hover:underline">Show all steps</Link>
        </p>
      )}
      {rows.length === 0 ? (
        <EmptyState icon={ListChecks} title="No runs match">
          Runs appear here once they end (test runs of drafts are left out). Try a longer range, another workflow or any status.
        </EmptyState>
      ) : (
        <>
          <RunsTable rows={rows} />
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
            <span className="text-zinc-500">
              Page {filters.page} of {pages}
            </span>
            <span className="flex gap-2">
              {filters.page > 1 && <Link className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800" href={`/runs?${filterQuery(filters, { page: filters.page - 1 })}`}>Previous</Link>}
              {filters.page < pages && <Link className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800" href={`/runs?${filterQuery(filters, { page: filters.page + 1 })}`}>Next</Link>}
            </span>
          </nav>
        </>
      )}
    </>
  );
}
