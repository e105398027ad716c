import Link from "next/link";
import { Activity, ChevronLeft } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { operationsView, STUCK_AFTER_MS } from "@/lib/operations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { OperationsTable } from "@/components/operations/operations-table";

export const metadata = { title: "Operations" };
export const dynamic = "force-dynamic";

export default async function OperationsPage() {
  const actor = await requirePagePermission("operations:view");
  const { stuck, poisoned } = await operationsView(actor);
  return (
    <>
      <Link href="/settings" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">
        <ChevronLeft aria-hidden className="size-4" /> Settings
      </Link>
      <PageHeader title="Operations" description="Runs that need a person: stuck ones, and ones whose step kept stopping its worker." />
      <section aria-labelledby="stuck" className="mb-8">
        <h2 id="stuck" className="mb-3 text-base font-semibold">
          Stuck runs
        </h2>
        {stuck.length === 0 ? (
          <EmptyState icon={Activity} title="No stuck runs">
            A run is listed when its worker stopped renewing its lease, or nobody claimed it, for more than {STUCK_AFTER_MS / 1000} seconds.
          </EmptyState>
        ) : (
          <OperationsTable runs={stuck} label="Stuck runs" />
        )}
      </section>
      <section aria-labelledby="poisoned">
        <h2 id="poisoned" className="mb-3 text-base font-semibold">
          Poisoned runs
        </h2>
        {poisoned.length === 0 ? (
          <EmptyState icon={Activity} title="No poisoned runs">
            A run is listed when one of its steps stopped its worker too many times in a row and was failed instead of run again.
          </EmptyState>
        ) : (
          <OperationsTable runs={poisoned} label="Poisoned runs" />
        )}
      </section>
    </>
  );
}
