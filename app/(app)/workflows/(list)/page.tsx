import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { listWorkflows } from "@/lib/workflows/queries";
import { parseListParams } from "@/lib/workflows/schema";
import { templateSummaries } from "@/lib/workflows/templates";
import { DraftDialog } from "@/components/ai-draft/draft-dialog";
import { EmptyWorkflows } from "@/components/workflows/empty-workflows";
import { ImportButton } from "@/components/workflows/import-button";
import { NewWorkflowDialog } from "@/components/workflows/new-workflow-dialog";
import { WorkflowToolbar } from "@/components/workflows/workflow-toolbar";
import { WorkflowsTable } from "@/components/workflows/workflows-table";

export const metadata = { title: "Workflows" };

export default async function WorkflowsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("workflows:view");
  const params = parseListParams(await searchParams);
  const { workflows, tags, visibleCount } = await listWorkflows(actor, params);
  const canCreate = can(actor, "workflows:create");
  const count = `${workflows.length} of ${visibleCount} ${visibleCount === 1 ? "workflow" : "workflows"}`;

  return (
    <>
      <PageHeader
        title="Workflows"
        description={visibleCount ? count : "Design, test and publish the processes your team runs."}
        actions={
          canCreate && (
            <>
              <ImportButton />
              <DraftDialog />
              <NewWorkflowDialog templates={templateSummaries} />
            </>
          )
        }
      />
      {visibleCount === 0 ? (
        <EmptyWorkflows templates={templateSummaries} canCreate={canCreate} />
      ) : (
        <>
          <WorkflowToolbar params={params} tags={tags} />
          {workflows.length > 0 ? (
            <WorkflowsTable workflows={workflows} canCreate={canCreate} now={new Date()} />
          ) : (
            <p className="rounded-xl border border-dashed border-zinc-300 px-6 py-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              No workflow matches these filters.{" "}
              <Link href="/workflows" className="font-medium text-accent-600 hover:underline">Clear the filters</Link>
            </p>
          )}
        </>
      )}
    </>
  );
}
