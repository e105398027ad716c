// Checks what an approver entered against the task's form fields: one zod object built from the
// fields, with messages that name the field by its label. Pure: the inbox form can use it too.
// Accepts values as typed (numbers, booleans) or as a form posts them (strings, "on").
import { z } from "zod";
import type { FormField } from "@/lib/nodes/human/form-field";

export type FormValues = Record<string, string | number | boolean | null>;

export type FormCheck = { ok: true; values: FormValues } | { ok: false; errors: Record<string, string[]> };

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function textField(field: FormField) {
  let schema = z.string({ error: `${field.label} must be text` }).trim();
  if (field.min !== undefined) schema = schema.min(field.min, { error: `${field.label} needs at least ${field.min} characters` });
  if (field.max !== undefined) schema = schema.max(field.max, { error: `${field.label} may have at most ${field.max} characters` });
  return schema.max(field.kind === "textarea" ? 20_000 : 2_000, { error: `${field.label} is too long` });
}

function numberField(field: FormField) {
  let schema = z.number({ error: `${field.label} must be a number` }).finite({ error: `${field.label} must be a number` });
  if (field.min !== undefined) schema = schema.min(field.min, { error: `${field.label} must be at least ${field.min}` });
  if (field.max !== undefined) schema = schema.max(field.max, { error: `${field.label} must be at most ${field.max}` });
  return z.preprocess((v) => (typeof v === "string" ? Number(v.trim()) : v), schema);
}

function checkboxField(field: FormField) {
  const schema = z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" ? false : v), z.boolean({ error: `${field.label} must be checked or not` }));
  return field.required ? schema.refine((v) => v === true, { error: `${field.label} must be checked` }) : schema;
}

function dateField(field: FormField) {
  return z
    .string({ error: `${field.label} must be a date` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${field.label} must be a date like 2026-01-31` })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      error: `${field.label} is not a real date`,
    });
}

function fieldSchema(field: FormField): z.ZodType {
  switch (field.kind) {
    case "number":
      return numberField(field);
    case "select": {
      const options = field.options ?? [];
      return z.string({ error: `Choose one of the options for ${field.label}` }).refine((v) => options.includes(v), {
        error: `Choose one of: ${options.join(", ")}`,
      });
    }
    case "checkbox":
      return checkboxField(field);
    case "date":
      return dateField(field);
    default:
      return textField(field);
  }
}

/** The zod object for a form: unknown keys are dropped; blank optional fields become null. */
export function formSchema(fields: readonly FormField[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const inner = fieldSchema(field);
    // An unchecked box posts nothing: that is "false", and for a required box an error.
    if (field.kind === "checkbox") shape[field.name] = z.preprocess((v) => (blank(v) ? false : v), inner);
    else if (field.required) shape[field.name] = z.unknown().refine((v) => !blank(v), { error: `${field.label} is required` }).pipe(inner);
    else shape[field.name] = z.preprocess((v) => (blank(v) ? null : v), inner.nullable());
  }
  return z.object(shape);
}

export function checkFormValues(fields: readonly FormField[], values: unknown): FormCheck {
  const parsed = formSchema(fields).safeParse(values ?? {});
  if (parsed.success) return { ok: true, values: parsed.data as FormValues };
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return { ok: false, errors };
}
