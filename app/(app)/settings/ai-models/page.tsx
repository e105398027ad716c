import { requirePagePermission } from "@/lib/auth/session";
import { aiModelsFor } from "@/lib/ai-models/service";
import { PageHeader } from "@/components/ui/page-header";
import { BackToSettings } from "@/components/settings/settings-links";
import { AiModelsTable } from "@/components/settings/ai-models-table";

export const metadata = { title: "AI models" };
export const dynamic = "force-dynamic";

export default async function AiModelsPage() {
  const actor = await requirePagePermission("settings:manage");
  const models = await aiModelsFor(actor);
  return (
    <>
      <BackToSettings />
      <PageHeader
        title="AI models"
        description="The models AI steps offer, and what each costs per million tokens. Run costs, estimates and budgets use these prices; a model without a price is counted as “price unknown”. Disabled models stay priced for the runs that still use them."
      />
      <AiModelsTable models={models} />
    </>
  );
}
