"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { CredentialDialog } from "@/components/settings/credential-dialog";
import { deleteCredentialAction } from "@/app/(app)/settings/credentials/actions";
import { CREDENTIAL_KINDS, type CredentialRow } from "@/lib/credentials/kinds";
import { relativeTime } from "@/lib/format/relative-time";

/** `now` comes from the server render, so the server and the browser show the same words. */
export function CredentialsTable({ credentials, now }: { credentials: CredentialRow[]; now: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">Type</th>
            <th scope="col" className="px-4 py-3 font-medium">Secret</th>
            <th scope="col" className="px-4 py-3 font-medium">Changed</th>
            <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {credentials.map((c) => (
            <CredentialRowView key={c.id} credential={c} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CredentialRowView({ credential, now }: { credential: CredentialRow; now: string }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const kind = CREDENTIAL_KINDS[credential.type];

  function remove() {
    startTransition(async () => {
      const res = await deleteCredentialAction(credential.id);
      if (res.ok) toast.success(res.message);
      else toast.error(res.message ?? "Could not delete the credential.");
      setConfirming(false);
    });
  }

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
        {credential.storedSecrets.length > 0 ? <Badge tone="green">Stored, encrypted</Badge> : <Badge tone="red">Missing</Badge>}
      </td>
      <td className="px-4 py-3 text-zinc-500">{credential.updatedAt && <time dateTime={credential.updatedAt}>{relativeTime(credential.updatedAt, new Date(now))}</time>}</td>
      <td className="px-4 py-3">
        <div className="flex justify-end gap-2">
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${credential.name}`}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} disabled={pending} aria-label={`Delete ${credential.name}`}>
            Delete
          </Button>
        </div>
        <CredentialDialog credential={credential} open={editing} onOpenChange={setEditing} />
        <Modal
          open={confirming}
          onOpenChange={setConfirming}
          title={`Delete "${credential.name}"?`}
          description="HTTP and AI steps that use it fail until another credential is chosen. This cannot be undone."
        >
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)}>Cancel</Button>
            <Button variant="danger" onClick={remove} disabled={pending}>Delete</Button>
          </div>
        </Modal>
      </td>
    </tr>
  );
}
