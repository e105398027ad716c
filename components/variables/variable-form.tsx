"use client";
// Adds or edits one variable (global or a workflow's). A secret's value is never shown: the
// field starts empty and, left blank, keeps the stored value.
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextField, inputClass } from "@/components/ui/field";
import { saveVariableAction } from "@/app/(app)/settings/variables/actions";
import { VARIABLE_TYPES, VARIABLE_TYPE_LABELS, type VariableRow, type VariableType } from "@/lib/variables/kinds";
import type { VariableResult } from "@/lib/variables/service";

export function VariableForm({
  workflowId,
  variable,
  onDone,
}: {
  workflowId: string | null;
  variable?: VariableRow;
  onDone: (saved: boolean) => void;
}) {
  const [type, setType] = useState<VariableType>(variable?.type ?? "string");
  const [secret, setSecret] = useState(variable?.secret ?? false);
  const [state, setState] = useState<VariableResult | null>(null);
  const [pending, startTransition] = useTransition();
  const ids = { type: useId(), value: useId() };
  const errors = state && !state.ok ? (state.errors ?? {}) : {};
  const keeps = variable?.secret && secret;
  return (
    <form
      noValidate
      data-testid="variable-form"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        const data = new FormData(e.currentTarget);
        const form = { name: data.get("name") ?? variable?.name, type, secret, value: data.get("value") ?? "", description: data.get("description") ?? "" };
        startTransition(async () => {
          const res = await saveVariableAction(workflowId, variable?.id ?? null, form);
          setState(res);
          if (res.ok) {
            toast.success(res.message);
            onDone(true);
          }
        });
      }}
    >
      <TextField label="Name" name="name" defaultValue={variable?.name} disabled={Boolean(variable)} autoComplete="off" errors={errors.name} hint={variable ? undefined : "Read it as $vars.<name> in any expression."} />
      <div className="space-y-1.5">
        <label htmlFor={ids.type} className="block text-sm font-medium">
          Type
        </label>
        <select id={ids.type} value={type} onChange={(e) => setType(e.target.value as VariableType)} className={inputClass}>
          {VARIABLE_TYPES.map((t) => (
            <option key={t} value={t}>
              {VARIABLE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 accent-accent-600" checked={secret} onChange={(e) => setSecret(e.target.checked)} />
        <span>
          <span className="font-medium">Secret</span>
          <span className="block text-xs text-zinc-500">Encrypted, never shown again. Runs see a placeholder; only HTTP header values receive the value.</span>
        </span>
      </label>
      <div className="space-y-1.5">
        <label htmlFor={ids.value} className="block text-sm font-medium">
          Value
        </label>
        {secret ? (
          <input id={ids.value} name="value" type="password" autoComplete="new-password" placeholder={keeps ? "••• stored, leave blank to keep" : ""} aria-invalid={Boolean(errors.value)} className={inputClass} />
        ) : (
          <textarea
            id={ids.value}
            name="value"
            rows={type === "json" ? 4 : 1}
            defaultValue={variable && !variable.secret ? variable.value : ""}
            placeholder={type === "number" ? "42" : type === "boolean" ? "true or false" : type === "json" ? '{"key": "value"}' : ""}
            aria-invalid={Boolean(errors.value)}
            className={`${inputClass} font-mono`}
          />
        )}
        {errors.value && (
          <p role="alert" className="text-xs text-red-600">
            {errors.value.join(" ")}
          </p>
        )}
      </div>
      <TextField label="Description (optional)" name="description" defaultValue={variable?.description} autoComplete="off" errors={errors.description} />
      {state && !state.ok && Object.keys(errors).length === 0 && (
        <p role="alert" className="text-sm text-red-600">
          {state.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {variable ? "Save" : "Add variable"}
        </Button>
      </div>
    </form>
  );
}
