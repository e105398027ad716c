import Link from "next/link";
import { ChevronLeft, KeyRound } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { listCredentials } from "@/lib/credentials/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { CredentialDialog } from "@/components/settings/credential-dialog";
import { CredentialsTable } from "@/components/settings/credentials-table";

export const metadata = { title: "Credentials" };

export default async function CredentialsPage() {
  const actor = await requirePagePermission("credentials:manage");
  const credentials = await listCredentials(actor);
  return (
    <>
      <Link href="/settings" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">
        <ChevronLeft aria-hidden className="size-4" /> Settings
      </Link>
      <PageHeader
        title="Credentials"
        description="Secrets for HTTP and AI steps, encrypted at rest. Once saved, a secret is never shown again: it can only be replaced."
        actions={<CredentialDialog />}
      />
      {credentials.length === 0 ? (
        <EmptyState icon={KeyRound} title="No credentials yet">
          Add an API key, a bearer token, a user name and password, or a custom header. HTTP and AI steps pick one by name.
        </EmptyState>
      ) : (
        <CredentialsTable credentials={credentials} now={new Date().toISOString()} />
      )}
    </>
  );
}
