"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { revokeApiKeyAction } from "@/app/(app)/settings/api-keys/actions";
import type { ApiKeyStatus, ApiKeyView } from "@/lib/api-keys/contract";
import { relativeTime } from "@/lib/format/relative-time";

const STATUS: Record<ApiKeyStatus, { label: string; tone: "green" | "neutral" | "red" }> = {
  active: { label: "Active", tone: "green" },
  expired: { label: "Expired", tone: "neutral" },
  revoked: { label: "Revoked", tone: "red" },
};

/** `now` comes from the server render, so the server and the browser show the same words. */
export function ApiKeysTable({ keys, now }: { keys: ApiKeyView[]; now: string }) {
  const when = (iso: string | null, none: string) => (iso ? <time dateTime={iso} title={iso}>{relativeTime(iso, new Date(now))}</time> : <span className="text-zinc-400">{none}</span>);
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">Key</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 font-medium">Created</th>
            <th scope="col" className="px-4 py-3 font-medium">Expires</th>
            <th scope="col" className="px-4 py-3 font-medium">Last used</th>
            <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {keys.map((key) => (
            <tr key={key.id} data-testid={`api-key-row-${key.name}`} data-status={key.status}>
              <td className="px-4 py-3 font-medium">{key.name}</td>
              <td className="px-4 py-3 font-mono text-xs">{key.prefix}…</td>
              <td className="px-4 py-3">
                <Badge tone={STATUS[key.status].tone}>{STATUS[key.status].label}</Badge>
              </td>
              <td className="px-4 py-3 text-zinc-500">{when(key.createdAt, "")}</td>
              <td className="px-4 py-3 text-zinc-500">{when(key.expiresAt, "Never")}</td>
              <td className="px-4 py-3 text-zinc-500">{when(key.lastUsedAt, "Never used")}</td>
              <td className="px-4 py-3 text-right">{key.status !== "revoked" && <RevokeButton apiKey={key} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RevokeButton({ apiKey }: { apiKey: ApiKeyView }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  function revoke() {
    startTransition(async () => {
      const res = await revokeApiKeyAction(apiKey.id);
      if (res.ok) toast.success(res.message);
      else toast.error(res.message);
      setConfirming(false);
    });
  }
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Revoke ${apiKey.name}`} data-testid={`revoke-${apiKey.name}`}>
        Revoke
      </Button>
      <Modal open={confirming} onOpenChange={setConfirming} title={`Revoke “${apiKey.name}”?`} description="Programs using this key get 401 from their next request. This cannot be undone.">
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button variant="danger" onClick={revoke} disabled={pending} data-testid="confirm-revoke">
            Revoke key
          </Button>
        </div>
      </Modal>
    </>
  );
}
