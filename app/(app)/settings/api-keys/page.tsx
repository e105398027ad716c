import Link from "next/link";
import { BookOpen, ChevronLeft, KeySquare } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { connectDb } from "@/lib/db/connect";
import { listApiKeys } from "@/lib/api-keys/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateApiKeyDialog } from "@/components/settings/api-key-dialog";
import { ApiKeysTable } from "@/components/settings/api-keys-table";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requirePagePermission("settings:view");
  await connectDb();
  const keys = await listApiKeys(user);
  return (
    <>
      <Link href="/settings" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">
        <ChevronLeft aria-hidden className="size-4" /> Settings
      </Link>
      <PageHeader
        title="API keys"
        description="Personal keys for the REST API. A key acts as you, with exactly your rights; it is shown once, stored only as a hash, and stops working when it expires, when you revoke it, or when your account is deactivated."
        actions={
          <div className="flex gap-2">
            <Link
              href="/settings/api-keys/docs"
              data-testid="api-docs-link"
              className="inline-flex h-10 items-center gap-2 rounded-md border border-zinc-300 bg-white px-4 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
            >
              <BookOpen aria-hidden className="size-4" /> API reference
            </Link>
            <CreateApiKeyDialog />
          </div>
        }
      />
      {keys.length === 0 ? (
        <EmptyState icon={KeySquare} title="No API keys yet">
          Create a key to start runs, read their results and answer your tasks from another program.
        </EmptyState>
      ) : (
        <ApiKeysTable keys={keys} now={new Date().toISOString()} />
      )}
    </>
  );
}
