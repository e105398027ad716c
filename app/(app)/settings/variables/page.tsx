import { requirePagePermission } from "@/lib/auth/session";
import { listGlobalVariables } from "@/lib/variables/service";
import { PageHeader } from "@/components/ui/page-header";
import { BackToSettings } from "@/components/settings/settings-links";
import { GlobalVariables } from "@/components/variables/global-variables";

export const metadata = { title: "Variables" };

export default async function VariablesPage() {
  const actor = await requirePagePermission("variables:manage");
  const rows = await listGlobalVariables(actor);
  return (
    <>
      <BackToSettings />
      <PageHeader
        title="Variables"
        description="Values every workflow reads as $vars.name. A workflow's own variable of the same name wins. A run keeps the values it started with; secret values are encrypted and never shown again."
      />
      <GlobalVariables rows={rows} />
    </>
  );
}
