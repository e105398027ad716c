"use client";
// A webhook's new token or HMAC secret, shown once: the server keeps only its hash (token) or a
// sealed copy it never sends back, so closing this dialog is the last chance to copy it.
import { Modal } from "@/components/ui/modal";
import { Button } from "@/components/ui/button";
import type { CreatedSecret } from "@/lib/triggers/contract";
import { CopyButton } from "./copy-button";

export function SecretOnce({ secret, onClose }: { secret: CreatedSecret | null; onClose: () => void }) {
  return (
    <Modal
      open={secret !== null}
      onOpenChange={(open) => !open && onClose()}
      title={secret?.kind === "hmac" ? "Signing secret" : "Bearer token"}
      description="Copy it now: it is not shown again. Issue a new one from the panel if it is lost."
    >
      {secret && (
        <div className="space-y-3 text-sm">
          <div className="flex items-center gap-2">
            <code data-testid="trigger-secret" className="min-w-0 flex-1 break-all rounded bg-zinc-100 px-2 py-1.5 font-mono text-xs dark:bg-zinc-800">
              {secret.value}
            </code>
            <CopyButton text={secret.value} label="Copy the secret" />
          </div>
          <p className="text-xs text-zinc-500">
            {secret.kind === "hmac"
              ? 'Send X-Switchyard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> with this secret.'
              : "Send Authorization: Bearer <token>."}
          </p>
          <div className="flex justify-end">
            <Button size="sm" onClick={onClose} data-testid="secret-done">
              I copied it
            </Button>
          </div>
        </div>
      )}
    </Modal>
  );
}
