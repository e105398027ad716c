import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/service";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserDialog } from "@/components/settings/create-user-dialog";
import { UsersTable } from "@/components/settings/users-table";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePagePermission("users:manage");
  const users = await listUsers(actor);
  return (
    <>
      <Link href="/settings" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">
        <ChevronLeft aria-hidden className="size-4" /> Settings
      </Link>
      <PageHeader
        title="Users and roles"
        description={`${users.length} ${users.length === 1 ? "person" : "people"} in this workspace. Adding a person creates their account with a first password you pass on to them.`}
        actions={<CreateUserDialog />}
      />
      <UsersTable users={users} currentUserId={actor.id} />
    </>
  );
}
