"use client";
// The run dialog's inputs, one per field the start node declares, registered with
// react-hook-form. Errors sit under their field and are announced.
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { InputField } from "@/lib/runtime/run-input";
import { controlClass, FieldLabel } from "@/components/canvas/inspector/field-parts";
import type { RunFormValues } from "./run-form-values";

const PLACEHOLDER: Partial<Record<InputField["type"], string>> = { number: "e.g. 120", object: '{"key": "value"}' };

export function RunInputFields({ fields, register, errors }: { fields: readonly InputField[]; register: UseFormRegister<RunFormValues>; errors: FieldErrors<RunFormValues> }) {
  if (fields.length === 0) {
    return <p className="rounded-md bg-zinc-50 p-3 text-sm text-zinc-600 dark:bg-zinc-800/60 dark:text-zinc-300">This workflow takes no input. Declare input fields on its Start node to ask for them here.</p>;
  }
  return (
    <div className="space-y-3">
      {fields.map((field) => {
        const id = `run-input-${field.name}`;
        const message = errors[field.name]?.message;
        const describedBy = message ? `${id}-error` : field.description ? `${id}-hint` : undefined;
        const label = field.label?.trim() || field.name;
        if (field.type === "boolean") {
          return (
            <div key={field.name}>
              <label className="flex items-center gap-2 text-sm">
                <input id={id} type="checkbox" data-testid={id} className="size-4 rounded border-zinc-300" aria-describedby={describedBy} {...register(field.name)} />
                {label}
              </label>
              {field.description && <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500">{field.description}</p>}
            </div>
          );
        }
        const common = { id, "data-testid": id, "aria-invalid": Boolean(message), "aria-describedby": describedBy, className: controlClass, ...register(field.name) };
        return (
          <div key={field.name}>
            <FieldLabel htmlFor={id} optional={!field.required}>
              {label}
            </FieldLabel>
            {field.type === "object" ? (
              <textarea rows={3} spellCheck={false} placeholder={PLACEHOLDER.object} {...common} className={`${controlClass} font-mono text-xs`} />
            ) : (
              <input type={field.type === "date" ? "date" : "text"} inputMode={field.type === "number" ? "decimal" : undefined} placeholder={PLACEHOLDER[field.type]} {...common} />
            )}
            {message ? (
              <p id={`${id}-error`} role="alert" data-testid="field-error" className="mt-1 text-xs text-red-600 dark:text-red-400">
                {message}
              </p>
            ) : (
              field.description && <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500">{field.description}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}
