"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { RoleCheckboxes } from "@/components/settings/role-checkboxes";
import { ResetPasswordDialog } from "@/components/settings/reset-password-dialog";
import { formatMoment } from "@/lib/format/run-format";
import { cn } from "@/lib/utils";
import { setActiveAction, updateRolesAction } from "@/app/(app)/settings/users/actions";
import { ROLE_LABELS, isRole } from "@/lib/auth/roles";
import type { UserRow } from "@/lib/users/service";

export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        {/* Below md each person is a card (the cells stack), so a phone never scrolls sideways. */}
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 max-md:hidden dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Person</th>
            <th scope="col" className="px-4 py-3 font-medium">Roles</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="hidden px-4 py-3 font-medium lg:table-cell">Last signed in</th>
            <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 max-md:block dark:divide-zinc-800">
          {users.map((user) => (
            <UserRowView key={user.id} user={user} isSelf={user.id === currentUserId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function lastSignIn(user: UserRow): string {
  return user.lastSignInAt ? formatMoment(user.lastSignInAt) : "Never";
}

function UserRowView({ user, isSelf }: { user: UserRow; isSelf: boolean }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [pending, startTransition] = useTransition();

  function toggleActive() {
    startTransition(async () => {
      const res = await setActiveAction(user.id, !user.active);
      if (res.ok) toast.success(res.message);
      else toast.error(res.message ?? "Could not change the account.");
      setConfirming(false);
    });
  }

  return (
    <tr data-testid={`user-row-${user.email}`} className={cn("max-md:block max-md:py-2", !user.active && "text-zinc-400")}>
      <td className="px-4 py-3 max-md:block max-md:pb-1">
        <div className="font-medium">
          {user.name} {isSelf && <span className="text-xs font-normal text-zinc-500">(you)</span>}
        </div>
        <div className="break-words text-zinc-500">{user.email}</div>
        <div className="mt-1 text-xs text-zinc-500 lg:hidden">Last signed in: {lastSignIn(user)}</div>
      </td>
      <td className="px-4 py-3 max-md:inline-block max-md:py-1">
        <div className="flex flex-wrap gap-1">
          {user.roles.filter(isRole).map((r) => (
            <Badge key={r} tone="accent">{ROLE_LABELS[r]}</Badge>
          ))}
        </div>
      </td>
      <td className="px-4 py-3 max-md:inline-block max-md:px-0 max-md:py-1">
        {user.active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>}
        {user.mustChangePassword && <div className="mt-1 text-xs text-zinc-500">Password was reset</div>}
      </td>
      <td className="hidden px-4 py-3 text-zinc-600 lg:table-cell dark:text-zinc-400" data-testid="last-sign-in">
        {lastSignIn(user)}
      </td>
      <td className="px-4 py-3 max-md:block">
        <div className="flex flex-wrap justify-end gap-2 max-md:justify-start">
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit roles of ${user.email}`}>
            Edit roles
          </Button>
          {!isSelf && (
            <Button size="sm" variant="secondary" onClick={() => setResetting(true)} aria-label={`Reset the password of ${user.email}`}>
              Reset password
            </Button>
          )}
          {!isSelf && (
            <Button
              size="sm"
              variant={user.active ? "ghost" : "secondary"}
              onClick={() => (user.active ? setConfirming(true) : toggleActive())}
              disabled={pending}
              aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.email}`}
            >
              {user.active ? "Deactivate" : "Reactivate"}
            </Button>
          )}
        </div>
        <EditRolesModal user={user} open={editing} onOpenChange={setEditing} />
        <ResetPasswordDialog user={user} open={resetting} onOpenChange={setResetting} />
        <Modal
          open={confirming}
          onOpenChange={setConfirming}
          title={`Deactivate ${user.name}?`}
          description="They are signed out at once and cannot sign in until reactivated. Their workflows and history stay."
        >
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)}>Cancel</Button>
            <Button variant="danger" onClick={toggleActive} disabled={pending}>Deactivate</Button>
          </div>
        </Modal>
      </td>
    </tr>
  );
}

function EditRolesModal({ user, open, onOpenChange }: { user: UserRow; open: boolean; onOpenChange: (o: boolean) => void }) {
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [errors, setErrors] = useState<string[] | undefined>();
  const [pending, startTransition] = useTransition();

  function save() {
    startTransition(async () => {
      const res = await updateRolesAction(user.id, roles);
      if (res.ok) {
        toast.success(res.message);
        setErrors(undefined);
        onOpenChange(false);
      } else {
        setErrors(res.errors?.roles ?? [res.message ?? "Could not save the roles."]);
      }
    });
  }

  return (
    <Modal open={open} onOpenChange={onOpenChange} title={`Roles of ${user.name}`} description={user.email}>
      <div className="space-y-4">
        <RoleCheckboxes value={roles} onChange={setRoles} errors={errors} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button onClick={save} disabled={pending}>Save roles</Button>
        </div>
      </div>
    </Modal>
  );
}
