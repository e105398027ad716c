import Link from "next/link";
import { LayoutDashboard } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { parseFilters, filterQuery } from "@/lib/dashboard/params";
import { loadDashboard } from "@/lib/dashboard/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { DashboardCharts } from "@/components/dashboard/charts";
import { ExportLink } from "@/components/dashboard/export-link";
import { FailingSteps } from "@/components/dashboard/failing-steps";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { KpiCards } from "@/components/dashboard/kpi-cards";
import { Notices } from "@/components/dashboard/notices";
import { Section } from "@/components/dashboard/section";
import { Budgets } from "@/components/dashboard/budgets";
import { WorkflowTable } from "@/components/dashboard/workflow-table";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("dashboard:view"); // also checked by layout.tsx, before the skeleton
  const parsed = parseFilters(await searchParams);
  const { data, scope, budgets, ms } = await loadDashboard(actor, parsed);
  const filters = { ...parsed.filters, workflow: scope.selected };
  const { current, previous } = parsed.periods;
  const seeAll = can(actor, "dashboard:see-all");

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${seeAll ? "All workflows" : "Workflows you own"} · ${current.from} to ${current.to} (UTC), compared with ${previous.from} to ${previous.to}`}
        actions={
          <Link href={`/runs?${filterQuery(filters)}`} className="text-sm font-medium text-accent-600 hover:underline">
            Browse the runs
          </Link>
        }
      />
      <Notices notices={scope.notices} />
      <FilterBar basePath="/dashboard" filters={filters} period={current} workflows={scope.workflows} />
      {(budgets.rows.length > 0 || budgets.pending.length > 0) && (
        <Section title="AI budgets today">
          <Budgets view={budgets} />
        </Section>
      )}
      {data.totalRuns === 0 ? (
        <EmptyState icon={LayoutDashboard} title="No runs to report on in this period">
          Figures appear here as runs of published workflows end: each ended run is counted once in its workflow&apos;s day
          (test runs of drafts are left out). Publish a workflow and run it, pick a longer range, or load demo data with{" "}
          <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">npm run seed:demo -- --runs 200</code>.
        </EmptyState>
      ) : (
        <>
          <KpiCards kpis={data.kpis} filters={filters} previousLabel={`${previous.from} to ${previous.to}`} />
          <DashboardCharts series={data.series} models={data.models} filters={filters} />
          <Section title="Workflows" actions={<ExportLink table="workflows" filters={filters} label="Export CSV" />}>
            {data.workflows.length > 0 ? (
              <WorkflowTable rows={data.workflows} filters={filters} />
            ) : (
              <p className="rounded-xl border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-500 dark:border-zinc-700">No runs ended in this period; the previous period had some.</p>
            )}
          </Section>
          <Section title="Most failing steps" actions={<ExportLink table="steps" filters={filters} label="Export CSV" />}>
            <FailingSteps steps={data.failingSteps} filters={filters} />
          </Section>
        </>
      )}
      <p className="text-xs text-zinc-500" data-testid="server-time">
        Figures from daily roll-ups, read in {ms} ms. Percentiles are within 9.1 %.
      </p>
    </>
  );
}
