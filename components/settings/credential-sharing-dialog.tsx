"use client";
// Who may use one credential: people and roles. Only its owner and admins see this.
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { RoleCheckboxes } from "@/components/settings/role-checkboxes";
import { shareCredentialAction } from "@/app/(app)/settings/credentials/actions";
import type { CredentialRow } from "@/lib/credentials/kinds";

export interface ShareableUser {
  id: string;
  name: string;
  email: string;
}

export function CredentialSharingDialog({
  credential,
  users,
  open,
  onOpenChange,
}: {
  credential: CredentialRow;
  users: ShareableUser[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [chosenUsers, setChosenUsers] = useState<string[]>(credential.sharing.users);
  const [roles, setRoles] = useState<string[]>([...credential.sharing.roles]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const res = await shareCredentialAction(credential.id, { users: chosenUsers, roles });
      if (res.ok) {
        toast.success(res.message);
        onOpenChange(false);
      } else setError(res.message ?? "Could not share it.");
    });
  return (
    <Modal open={open} onOpenChange={onOpenChange} title={`Share "${credential.name}"`} description="People you share it with may pick it in their steps, and runs they start may use it. They never see the secret.">
      <div className="space-y-4">
        <RoleCheckboxes name="share-roles" legend="Everyone with the role" value={roles} onChange={setRoles} />
        <fieldset>
          <legend className="mb-2 text-sm font-medium">People</legend>
          {users.length === 0 ? (
            <p className="text-sm text-zinc-500">Nobody else yet.</p>
          ) : (
            <div className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-zinc-200 p-2 dark:border-zinc-700">
              {users.map((u) => (
                <label key={u.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="accent-accent-600"
                    checked={chosenUsers.includes(u.id)}
                    onChange={(e) => setChosenUsers((cur) => (e.target.checked ? [...cur, u.id] : cur.filter((x) => x !== u.id)))}
                  />
                  {u.name} <span className="text-zinc-500">{u.email}</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        {error && (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button onClick={save} disabled={pending}>
            Save sharing
          </Button>
        </div>
      </div>
    </Modal>
  );
}
