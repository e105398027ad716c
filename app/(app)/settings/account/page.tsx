import { BackToSettings } from "@/components/settings/settings-links";
import { AccountNameForm } from "@/components/settings/account-name-form";
import { AccountPasswordForm } from "@/components/settings/account-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata = { title: "Your account" };

const CARD = "rounded-xl border border-zinc-200 bg-white p-4 sm:p-6 dark:border-zinc-800 dark:bg-zinc-900";

export default async function AccountPage() {
  const user = await requirePagePermission("account:edit");
  return (
    <>
      <BackToSettings />
      <PageHeader title="Your account" description="Your name and password. Only an admin can change your email or roles." />
      <div className="grid max-w-2xl gap-6">
        <section aria-labelledby="profile" className={CARD}>
          <h2 id="profile" className="mb-4 text-base font-semibold">
            Profile
          </h2>
          <dl className="mb-4 grid grid-cols-[5rem_1fr] gap-y-2 text-sm">
            <dt className="text-zinc-500">Email</dt>
            <dd className="break-all">{user.email}</dd>
            <dt className="text-zinc-500">Roles</dt>
            <dd>{user.roles.map((r) => ROLE_LABELS[r]).join(", ") || "None"}</dd>
          </dl>
          <AccountNameForm name={user.name} />
        </section>
        <section aria-labelledby="password" className={CARD}>
          <h2 id="password" className="mb-4 text-base font-semibold">
            Password
          </h2>
          <AccountPasswordForm email={user.email} />
        </section>
      </div>
    </>
  );
}
