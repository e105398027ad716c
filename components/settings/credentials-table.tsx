"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CredentialDialog } from "@/components/settings/credential-dialog";
import { CredentialSharingDialog, type ShareableUser } from "@/components/settings/credential-sharing-dialog";
import { DeleteInUseDialog } from "@/components/settings/delete-in-use-dialog";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { deleteCredentialAction } from "@/app/(app)/settings/credentials/actions";
import { CREDENTIAL_KINDS, type CredentialRow } from "@/lib/credentials/kinds";
import { relativeTime } from "@/lib/format/relative-time";

/** `now` comes from the server render, so the server and the browser show the same words. */
export function CredentialsTable({ credentials, users, now }: { credentials: CredentialRow[]; users: ShareableUser[]; now: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">Type</th>
            <th scope="col" className="px-4 py-3 font-medium">Owner</th>
            <th scope="col" className="px-4 py-3 font-medium">Secret</th>
            <th scope="col" className="px-4 py-3 font-medium">Changed</th>
            <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {credentials.map((c) => (
            <CredentialRowView key={c.id} credential={c} users={users} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function sharingText(credential: CredentialRow): string {
  const parts = [
    ...credential.sharing.roles.map((r) => `${ROLE_LABELS[r]}s`),
    credential.sharing.users.length ? `${credential.sharing.users.length} ${credential.sharing.users.length === 1 ? "person" : "people"}` : "",
  ].filter(Boolean);
  return parts.length ? `Shared with ${parts.join(", ")}` : "Not shared";
}

function CredentialRowView({ credential, users, now }: { credential: CredentialRow; users: ShareableUser[]; now: string }) {
  const [editing, setEditing] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const kind = CREDENTIAL_KINDS[credential.type];

  return (
    <tr data-testid={`credential-row-${credential.name}`}>
      <td className="px-4 py-3">
        <div className="font-medium">{credential.name}</div>
        {credential.description && <div className="text-zinc-500">{credential.description}</div>}
      </td>
      <td className="px-4 py-3">
        <Badge tone="accent">{kind.label}</Badge>
        {credential.plain.map((p) => (
          <div key={p.name} className="mt-1 text-xs text-zinc-500">
            {kind.fields.find((f) => f.name === p.name)?.label}: {p.value}
          </div>
        ))}
      </td>
      <td className="px-4 py-3 text-zinc-500">
        <div>{credential.ownerName || "Workspace"}</div>
        <div className="text-xs">{sharingText(credential)}</div>
      </td>
      <td className="px-4 py-3 text-zinc-500">
        {credential.storedSecrets.length > 0 ? <Badge tone="green">Stored, encrypted</Badge> : <Badge tone="red">Missing</Badge>}
      </td>
      <td className="px-4 py-3 text-zinc-500">{credential.updatedAt && <time dateTime={credential.updatedAt}>{relativeTime(credential.updatedAt, new Date(now))}</time>}</td>
      <td className="px-4 py-3">
        {credential.canManage ? (
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${credential.name}`}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSharing(true)} aria-label={`Share ${credential.name}`}>
              Share
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete ${credential.name}`}>
              Delete
            </Button>
          </div>
        ) : (
          <span className="text-xs text-zinc-500">Shared with you</span>
        )}
        {credential.canManage && (
          <>
            <CredentialDialog credential={credential} open={editing} onOpenChange={setEditing} />
            {sharing && <CredentialSharingDialog credential={credential} users={users} open={sharing} onOpenChange={setSharing} />}
            <DeleteInUseDialog
              open={confirming}
              onOpenChange={setConfirming}
              title={`Delete "${credential.name}"?`}
              description="HTTP and AI steps that use it fail until another credential is chosen. This cannot be undone."
              onDelete={(confirmed) => deleteCredentialAction({ id: credential.id, confirmed })}
            />
          </>
        )}
      </td>
    </tr>
  );
}
