"use client";

import { startTransition, useActionState, useEffect, useId, useState } from "react";
import { KeyRound, Loader2, Plus } from "lucide-react";
import { toast } from "sonner";
import { Modal } from "@/components/ui/modal";
import { Button } from "@/components/ui/button";
import { TextField, inputClass } from "@/components/ui/field";
import { saveCredentialAction } from "@/app/(app)/settings/credentials/actions";
import { CREDENTIAL_KINDS, CREDENTIAL_TYPES, type CredentialRow, type CredentialType } from "@/lib/credentials/kinds";
import type { CredentialResult } from "@/lib/credentials/service";

const STORED = "••• stored, leave blank to keep";

/**
 * Adds a credential, or edits one when `credential` is given. Secret inputs start empty and say
 * whether a value is stored: the stored value never comes back from the server.
 */
export function CredentialDialog({
  credential,
  open: controlledOpen,
  onOpenChange,
  types = CREDENTIAL_TYPES,
  onSaved,
  hideTrigger,
}: {
  credential?: CredentialRow;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The types offered (a step's picker offers those its node type takes). */
  types?: readonly CredentialType[];
  /** Called with the saved credential's id (the step's picker selects a new one). */
  onSaved?: (id: string) => void;
  /** Opened from elsewhere (the step's picker), without the "Add credential" button. */
  hideTrigger?: boolean;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const setOpen = onOpenChange ?? setOwnOpen;
  const editing = credential !== undefined;
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title={editing ? `Edit "${credential.name}"` : "Add a credential"}
      description="Secrets are encrypted before they are stored and are never shown again."
      trigger={
        editing || hideTrigger ? undefined : (
          <Button>
            <Plus aria-hidden className="size-4" /> Add credential
          </Button>
        )
      }
    >
      {/* Mounted only while open, so each opening starts from the stored values. */}
      {open && <CredentialForm credential={credential} types={types} onSaved={onSaved} onDone={() => setOpen(false)} />}
    </Modal>
  );
}

function CredentialForm({
  credential,
  types,
  onSaved,
  onDone,
}: {
  credential?: CredentialRow;
  types: readonly CredentialType[];
  onSaved?: (id: string) => void;
  onDone: () => void;
}) {
  const [state, formAction, pending] = useActionState<CredentialResult | null, FormData>(saveCredentialAction, null);
  const [type, setType] = useState<CredentialType>(credential?.type ?? types[0] ?? "bearer");
  const typeId = useId();

  useEffect(() => {
    if (state?.ok) {
      toast.success(state.message);
      if (state.id) onSaved?.(state.id);
      onDone();
    }
  }, [state, onDone, onSaved]);

  const errors = state && !state.ok ? (state.errors ?? {}) : {};
  const sameType = credential?.type === type;
  const plainValue = (name: string) => (sameType ? credential?.plain.find((p) => p.name === name)?.value : undefined);
  const kind = CREDENTIAL_KINDS[type];
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
      {credential && <input type="hidden" name="id" value={credential.id} />}
      <TextField label="Name" name="name" defaultValue={credential?.name} autoComplete="off" errors={errors.name} />
      <div className="space-y-1.5">
        <label htmlFor={typeId} className="block text-sm font-medium">
          Type
        </label>
        <select id={typeId} name="type" value={type} onChange={(e) => setType(e.target.value as CredentialType)} className={inputClass}>
          {types.map((t) => (
            <option key={t} value={t}>
              {CREDENTIAL_KINDS[t].label}
            </option>
          ))}
        </select>
        <p className="text-xs text-zinc-500">{kind.description}</p>
      </div>
      {kind.fields.map((field) => {
        const stored = sameType && field.secret && credential?.storedSecrets.includes(field.name);
        return (
          <TextField
            key={`${type}-${field.name}`}
            label={field.label}
            name={`fields.${field.name}`}
            type={field.secret ? "password" : "text"}
            autoComplete={field.secret ? "new-password" : "off"}
            defaultValue={field.secret ? undefined : plainValue(field.name)}
            placeholder={stored ? STORED : field.hint}
            hint={stored ? "A value is stored. Leave blank to keep it, or type a new one to replace it." : undefined}
            errors={errors[`fields.${field.name}`]}
          />
        );
      })}
      <TextField label="Description (optional)" name="description" defaultValue={credential?.description} autoComplete="off" errors={errors.description} />
      {state && !state.ok && state.message && Object.keys(errors).length === 0 && (
        <p role="alert" className="text-sm text-red-600">
          {state.message}
        </p>
      )}
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <KeyRound aria-hidden className="size-4" />}
          {credential ? "Save" : "Add credential"}
        </Button>
      </div>
    </form>
  );
}
