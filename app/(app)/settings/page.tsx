import Link from "next/link";
import { Activity, Archive, ChevronRight, KeyRound, KeySquare, Sparkles, UserCog, Users, Variable } from "lucide-react";
import { SettingsLink } from "@/components/settings/settings-links";
import { requirePagePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePagePermission("settings:view");
  const isAdmin = can(user, "users:manage");
  const managesCredentials = can(user, "credentials:create");
  const managesVariables = can(user, "variables:manage");
  const operates = can(user, "operations:view");
  const managesSettings = can(user, "settings:manage");
  return (
    <>
      <PageHeader title="Settings" description="Your account and, for admins, the workspace." />
      <section aria-labelledby="account" className="mb-8 rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="account" className="text-base font-semibold">
          Your account
        </h2>
        <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-zinc-500">Name</dt>
          <dd>{user.name}</dd>
          <dt className="text-zinc-500">Email</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="text-zinc-500">Roles</dt>
          <dd>{user.roles.map((r) => ROLE_LABELS[r]).join(", ")}</dd>
        </dl>
        <Link href="/settings/account" data-testid="settings-account" className="mt-4 flex items-center gap-3 rounded-lg border border-zinc-200 p-3 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50">
          <UserCog aria-hidden className="size-5 text-accent-600" />
          <span className="flex-1">
            <span className="block text-sm font-medium">Name and password</span>
            <span className="block text-sm text-zinc-500">Change the name others see and your password.</span>
          </span>
          <ChevronRight aria-hidden className="size-4 text-zinc-400" />
        </Link>
        <Link href="/settings/api-keys" data-testid="settings-api-keys" className="mt-2 flex items-center gap-3 rounded-lg border border-zinc-200 p-3 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50">
          <KeySquare aria-hidden className="size-5 text-accent-600" />
          <span className="flex-1">
            <span className="block text-sm font-medium">API keys</span>
            <span className="block text-sm text-zinc-500">Personal keys for the REST API: start runs and answer tasks from other programs.</span>
          </span>
          <ChevronRight aria-hidden className="size-4 text-zinc-400" />
        </Link>
      </section>
      {isAdmin || managesCredentials ? (
        <section aria-labelledby="workspace">
          <h2 id="workspace" className="mb-3 text-base font-semibold">
            Workspace
          </h2>
          <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
            {isAdmin && (
              <SettingsLink href="/settings/users" icon={Users} title="Users and roles">
                Add people with a password you pass on to them, choose their roles, reset passwords, deactivate accounts.
              </SettingsLink>
            )}
            {managesCredentials && (
              <SettingsLink href="/settings/credentials" icon={KeyRound} title="Credentials">
                API keys, tokens and passwords for HTTP and AI steps, encrypted at rest; share yours with people or roles.
              </SettingsLink>
            )}
            {managesVariables && (
              <SettingsLink href="/settings/variables" icon={Variable} title="Variables">
                Global values every workflow reads as $vars.name; secrets encrypted.
              </SettingsLink>
            )}
            {operates && (
              <SettingsLink href="/settings/operations" icon={Activity} title="Operations">
                Stuck and poisoned runs, with retry and cancel.
              </SettingsLink>
            )}
            {managesSettings && (
              <SettingsLink href="/settings/retention" icon={Archive} title="Run retention">
                How long finished runs keep their step data and events.
              </SettingsLink>
            )}
            {managesSettings && (
              <SettingsLink href="/settings/ai-models" icon={Sparkles} title="AI models and prices">
                The models AI steps offer and their prices per million tokens, used for run costs, estimates and budgets.
              </SettingsLink>
            )}
          </ul>
        </section>
      ) : null}
    </>
  );
}
