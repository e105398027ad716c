"use client";
// One number field of the workflow settings (run limits, budgets): label, input, errors and hint
// tied together. `value` undefined or NaN shows empty; the caller decides what empty means.
import { FieldLabel, FieldMessages, controlClass } from "./field-parts";

export function SettingNumber({ id, label, hint, value, errors, onChange, decimal, placeholder }: {
  id: string;
  label: string;
  hint: string;
  value: number | undefined;
  errors?: readonly string[];
  onChange: (text: string) => void;
  /** Dollars (decimals) rather than whole numbers. */
  decimal?: boolean;
  placeholder?: string;
}) {
  return (
    <div>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <input
        id={id}
        type="number"
        inputMode={decimal ? "decimal" : "numeric"}
        {...(decimal ? { min: 0, step: "0.01" } : {})}
        placeholder={placeholder}
        value={value === undefined || !Number.isFinite(value) ? "" : value}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={`${id}-messages`}
        data-testid={id}
        onChange={(e) => onChange(e.target.value)}
        className={controlClass}
      />
      <FieldMessages id={`${id}-messages`} errors={errors} hint={hint} />
    </div>
  );
}
