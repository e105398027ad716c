"use client";

import { startTransition, useActionState, useId, useState } from "react";
import { Check, Copy, Loader2, Plus } from "lucide-react";
import { toast } from "sonner";
import { Modal } from "@/components/ui/modal";
import { Button } from "@/components/ui/button";
import { TextField, inputClass } from "@/components/ui/field";
import { createApiKeyAction } from "@/app/(app)/settings/api-keys/actions";
import type { CreateKeyResult } from "@/lib/api-keys/contract";
import { EXPIRY_CHOICES, EXPIRY_LABELS } from "@/lib/api-keys/schema";

/** Creates a key and shows it once; closing the dialog forgets it. */
export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title="Create an API key"
      description="The key acts as you. Give it a name that says where it is used."
      trigger={
        <Button data-testid="create-api-key">
          <Plus aria-hidden className="size-4" /> Create key
        </Button>
      }
    >
      {/* Mounted only while open: the key shown once is gone when the dialog closes. */}
      {open && <CreateKeyForm onDone={() => setOpen(false)} />}
    </Modal>
  );
}

function CreateKeyForm({ onDone }: { onDone: () => void }) {
  const [state, formAction, pending] = useActionState<CreateKeyResult | null, FormData>(createApiKeyAction, null);
  const expiryId = useId();
  if (state?.ok) return <NewKey result={state} onDone={onDone} />;
  const errors = state && !state.ok ? (state.errors ?? {}) : {};
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <TextField label="Name" name="name" autoComplete="off" placeholder="e.g. Billing system" errors={errors.name} data-testid="api-key-name" />
      <div className="space-y-1.5">
        <label htmlFor={expiryId} className="block text-sm font-medium">
          Expires after
        </label>
        <select id={expiryId} name="expiresIn" defaultValue="90" className={inputClass} data-testid="api-key-expiry">
          {EXPIRY_CHOICES.map((c) => (
            <option key={c} value={c}>
              {EXPIRY_LABELS[c]}
            </option>
          ))}
        </select>
        {errors.expiresIn && (
          <p role="alert" className="text-sm text-red-600">
            {errors.expiresIn.join(" ")}
          </p>
        )}
      </div>
      {state && !state.ok && Object.keys(errors).length === 0 && (
        <p role="alert" className="text-sm text-red-600">
          {state.message}
        </p>
      )}
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending} data-testid="api-key-submit">
          {pending && <Loader2 aria-hidden className="size-4 animate-spin" />}
          Create key
        </Button>
      </div>
    </form>
  );
}

function NewKey({ result, onDone }: { result: Extract<CreateKeyResult, { ok: true }>; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(result.key);
      setCopied(true);
    } catch {
      toast.error("The browser refused the clipboard: select the key and copy it.");
    }
  }
  return (
    <div className="space-y-4">
      <p className="text-sm">
        Copy <strong>{result.view.name}</strong> now. It is <strong>not shown again</strong>: only its hash is stored.
      </p>
      <div className="flex items-center gap-2">
        <code data-testid="api-key-secret" className="block flex-1 select-all break-all rounded-md bg-zinc-100 px-3 py-2 font-mono text-sm dark:bg-zinc-800">
          {result.key}
        </code>
        <Button variant="secondary" size="sm" onClick={copy} aria-label="Copy the key">
          {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
        </Button>
      </div>
      <p className="text-xs text-zinc-500">
        Send it as <code>Authorization: Bearer …</code> to <code>/api/v1</code>.
      </p>
      <div className="flex justify-end">
        <Button onClick={onDone} data-testid="api-key-done">
          Done
        </Button>
      </div>
    </div>
  );
}
