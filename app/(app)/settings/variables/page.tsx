import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { listGlobalVariables } from "@/lib/variables/service";
import { PageHeader } from "@/components/ui/page-header";
import { GlobalVariables } from "@/components/variables/global-variables";

export const metadata = { title: "Variables" };

export default async function VariablesPage() {
  const actor = await requirePagePermission("variables:manage");
  const rows = await listGlobalVariables(actor);
  return (
    <>
      <Link href="/settings" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">
        <ChevronLeft aria-hidden className="size-4" /> Settings
      </Link>
      <PageHeader
        title="Variables"
        description="Values every workflow reads as $vars.name. A workflow's own variable of the same name wins. A run keeps the values it started with; secret values are encrypted and never shown again."
      />
      <GlobalVariables rows={rows} />
    </>
  );
}
