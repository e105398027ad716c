import { LayoutDashboard } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requirePagePermission("dashboard:view");
  return (
    <>
      <PageHeader title="Dashboard" description="Success, duration, AI cost and approval times across your workflows." />
      <EmptyState icon={LayoutDashboard} title="No runs to report on yet">
        Once workflows run, this page shows runs and success rate over time, duration percentiles, AI cost by model,
        time to approve and SLA breaches — per workflow, for the range you choose, from the runs themselves.
      </EmptyState>
    </>
  );
}
