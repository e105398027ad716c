import { KeyRound } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { listCredentials } from "@/lib/credentials/service";
import { shareableUsers } from "@/lib/credentials/sharing";
import { PageHeader } from "@/components/ui/page-header";
import { BackToSettings } from "@/components/settings/settings-links";
import { EmptyState } from "@/components/ui/empty-state";
import { CredentialDialog } from "@/components/settings/credential-dialog";
import { CredentialsTable } from "@/components/settings/credentials-table";

export const metadata = { title: "Credentials" };

export default async function CredentialsPage() {
  const actor = await requirePagePermission("credentials:create");
  const [credentials, users] = await Promise.all([listCredentials(actor), shareableUsers()]);
  const admin = can(actor, "credentials:manage");
  return (
    <>
      <BackToSettings />
      <PageHeader
        title="Credentials"
        description={
          admin
            ? "Every credential of the workspace. Secrets are encrypted at rest; once saved, a secret is never shown again: it can only be replaced."
            : "Your credentials and those shared with you. Share yours with people or roles so their runs may use them. Once saved, a secret is never shown again."
        }
        actions={<CredentialDialog />}
      />
      {credentials.length === 0 ? (
        <EmptyState icon={KeyRound} title="No credentials yet">
          Add an API key, a bearer token, a user name and password, or a custom header. HTTP and AI steps pick one by name.
        </EmptyState>
      ) : (
        <CredentialsTable credentials={credentials} users={users.filter((u) => u.id !== actor.id)} now={new Date().toISOString()} />
      )}
    </>
  );
}
