// Global and per-workflow variables: types, the form schema shared by the settings page, the
// canvas panel and the server, and typed parsing of a value typed as text. Pure.
import { z } from "zod";

export const VARIABLE_TYPES = ["string", "number", "boolean", "json"] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export const VARIABLE_TYPE_LABELS: Record<VariableType, string> = { string: "Text", number: "Number", boolean: "Yes/no", json: "JSON" };

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_VALUE = 100_000;

/**
 * One variable as a form sends it. `value` is text: "42", "true", "{\"a\":1}". A secret left
 * blank when editing keeps its stored value (the form never shows it).
 */
export const variableFormSchema = z.object({
  name: z
    .string({ error: "Name must be text" })
    .trim()
    .regex(NAME, { error: "Name must start with a letter or _ and use only letters, digits and _ (at most 64), e.g. apiBase" }),
  type: z.enum(VARIABLE_TYPES, { error: `Type must be one of: ${VARIABLE_TYPES.join(", ")}` }),
  secret: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
  value: z.string({ error: "Value must be text" }).max(MAX_VALUE, { error: `Value must be at most ${MAX_VALUE} characters` }).default(""),
  description: z.string({ error: "Description must be text" }).trim().max(500, { error: "Description must be at most 500 characters" }).default(""),
});

export type VariableForm = z.infer<typeof variableFormSchema>;

export type ParsedValue = { ok: true; value: unknown } | { ok: false; message: string };

/** The value of `text` as `type`, or what is wrong with it. */
export function parseVariableValue(type: VariableType, text: string): ParsedValue {
  switch (type) {
    case "string":
      return { ok: true, value: text };
    case "number": {
      const t = text.trim();
      const n = Number(t);
      return t !== "" && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `"${excerpt(text)}" is not a number; write e.g. 42 or 0.5` };
    }
    case "boolean": {
      const t = text.trim().toLowerCase();
      if (t === "true" || t === "false") return { ok: true, value: t === "true" };
      return { ok: false, message: "A yes/no value must be true or false" };
    }
    case "json":
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch (error) {
        return { ok: false, message: `The value is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
      }
  }
}

/** A stored value as the form shows it again. */
export function formatVariableValue(type: VariableType, value: unknown): string {
  if (type === "string") return typeof value === "string" ? value : "";
  return type === "json" ? JSON.stringify(value, null, 2) : String(value);
}

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** What lists show: a secret's value never, only that it is stored. */
export interface VariableRow {
  id: string;
  name: string;
  scope: "global" | "workflow";
  type: VariableType;
  secret: boolean;
  /** The value as text; "" for a secret. */
  value: string;
  description: string;
  updatedAt: string;
}

/** A name the expression editor suggests as `$vars.<name>`. */
export interface VariableName {
  name: string;
  scope: "global" | "workflow";
  type: VariableType;
  secret: boolean;
}
