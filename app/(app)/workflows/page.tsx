import { Workflow } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  await requirePagePermission("workflows:view");
  return (
    <>
      <PageHeader title="Workflows" description="Design, test and publish the processes your team runs." />
      <EmptyState icon={Workflow} title="No workflows yet">
        Workflows you design or that are shared with you will be listed here, with their owner, status, last edit and
        published version. You will be able to start from a template such as expense approval, content review or
        incident escalation.
      </EmptyState>
    </>
  );
}
