"use client";
// Small pieces shared by the inspector's fields: label, messages, input classes.
import { cn } from "@/lib/utils";

export const controlClass =
  "block w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm placeholder:text-zinc-400 " +
  "focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 disabled:bg-zinc-50 disabled:text-zinc-500 " +
  "aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:disabled:bg-zinc-800";

export function FieldLabel({ htmlFor, children, optional }: { htmlFor: string; children: React.ReactNode; optional?: boolean }) {
  return (
    <label htmlFor={htmlFor} className="mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300">
      {children}
      {optional && <span className="ml-1 font-normal text-zinc-400">(optional)</span>}
    </label>
  );
}

export function FieldMessages({ id, errors, hint }: { id: string; errors?: readonly string[]; hint?: string }) {
  if (errors?.length) {
    return (
      <p id={id} role="alert" data-testid="field-error" className="mt-1 text-xs text-red-600 dark:text-red-400">
        {errors.join(" ")}
      </p>
    );
  }
  return hint ? (
    <p id={id} className="mt-1 text-xs text-zinc-500">
      {hint}
    </p>
  ) : null;
}

export function Group({ legend, children, className }: { legend: string; children: React.ReactNode; className?: string }) {
  return (
    // min-w-0: a fieldset is at least as wide as its content by default, so one long expression
    // (its textarea sizes to its text) would widen the whole panel past its edge.
    <fieldset className={cn("min-w-0 rounded-md border border-zinc-200 p-2.5 dark:border-zinc-800", className)}>
      <legend className="px-1 text-xs font-semibold text-zinc-600 dark:text-zinc-400">{legend}</legend>
      <div className="space-y-3">{children}</div>
    </fieldset>
  );
}
