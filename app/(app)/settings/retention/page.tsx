import { requirePagePermission } from "@/lib/auth/session";
import { retentionSettingsFor } from "@/lib/retention/settings";
import { PageHeader } from "@/components/ui/page-header";
import { BackToSettings } from "@/components/settings/settings-links";
import { RetentionForm } from "@/components/settings/retention-form";
import { RetentionStatusLine } from "@/components/settings/retention-status";

export const metadata = { title: "Run retention" };
export const dynamic = "force-dynamic";

export default async function RetentionPage() {
  const actor = await requirePagePermission("settings:manage");
  const { policy, updatedAt, status } = await retentionSettingsFor(actor);
  return (
    <>
      <BackToSettings />
      <PageHeader
        title="Run retention"
        description="How long finished runs keep their step inputs, outputs, console lines and event log. Older runs keep their steps, timings, statuses and errors, and still count on the dashboard. Running and paused runs are never touched."
      />
      <RetentionForm policy={policy} updatedAt={updatedAt} />
      <RetentionStatusLine status={status} />
    </>
  );
}
