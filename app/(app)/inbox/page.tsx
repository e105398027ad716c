import { Inbox } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Inbox" };

export default async function InboxPage() {
  await requirePagePermission("inbox:use");
  return (
    <>
      <PageHeader title="Inbox" description="Human steps of running workflows that wait for you." />
      <EmptyState icon={Inbox} title="Nothing waiting for you">
        When a workflow reaches an approval or a task assigned to you or your roles, it appears here with its context,
        its form and its due date. You can claim it, approve or reject it, comment and delegate.
      </EmptyState>
    </>
  );
}
