// Zod field builders shared by the node definitions, so every config speaks to the user the
// same way: messages name the field by its label and say what to do, never zod's jargon.
// No transforms anywhere: a config's parsed value equals what is stored, minus unknown keys.
// Each builder also records its label as the schema's description: the inspector labels the
// field with it, so the form and the messages call a field by the same name.
import { z } from "zod";

export const MAX_EXPRESSION = 10_000;
export const MAX_TEMPLATE = 20_000;

/** The whole config: a clear message when a stored config is not an object at all. */
export function configObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape, { error: "The node's settings must be an object" });
}

/** Text that must not be blank (whitespace alone counts as blank). */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .refine((s) => s.trim() !== "", { error: `${label} is required` })
    .describe(label);
}

export function optionalText(label: string, max = 200) {
  return z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .describe(label);
}

export function flag(label: string) {
  return z.boolean({ error: `${label} must be on or off` }).describe(label);
}

export function wholeNumber(label: string, min: number, max: number, unit = "") {
  return z
    .number({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a number`) })
    .int({ error: `${label} must be a whole number` })
    .min(min, { error: `${label} must be at least ${min}${unit}` })
    .max(max, { error: `${label} must be at most ${max}${unit}` })
    .describe(unit ? `${label} (${unit.trim()})` : label);
}

/** What a choice's options are called on screen, and a line about each (shown under the select). */
export interface ChoiceText<Value extends string> {
  optionLabels?: Partial<Record<Value, string>>;
  optionHints?: Partial<Record<Value, string>>;
}

/**
 * One of a few values. The stored value is an id ("openai-compatible"); people see its label
 * ("OpenAI-compatible"), kept in the schema's metadata beside the field's own label so the
 * inspector and any other form read the same words.
 */
export function choice<const Values extends readonly [string, ...string[]]>(label: string, values: Values, text: ChoiceText<Values[number]> = {}) {
  return z.enum(values, { error: `${label} must be one of: ${values.join(", ")}` }).meta({ description: label, ...text });
}

/** A JSONata expression; its syntax is checked through the definition's `expressions`. */
export function jsonataExpression(label: string) {
  return requiredText(label, MAX_EXPRESSION);
}

/** Text with {{ }} placeholders; its syntax is checked through the definition's `expressions`. */
export function template(label: string, max = MAX_TEMPLATE) {
  return optionalText(label, max);
}

export function requiredTemplate(label: string, max = MAX_TEMPLATE) {
  return requiredText(label, max);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A name the user gives to a value (variable, form field, output key). Restricted to an
 * identifier because such names become keys of run data, and the database forbids "." and
 * "$" in keys; identifiers are also what JSONata can read without backticks.
 */
export function identifier(label: string) {
  return z.string({ error: `${label} is required` }).superRefine((value, ctx) => {
    if (value.trim() === "") ctx.addIssue({ code: "custom", message: `${label} is required` });
    else if (!IDENTIFIER.test(value)) {
      ctx.addIssue({
        code: "custom",
        message: `${label} must start with a letter or _ and use only letters, digits and _ (at most 64)`,
      });
    }
  }).describe(label);
}

/** A reference to a stored record (credential, workflow); absent means none. */
export function optionalRef(label: string) {
  return z
    .string({ error: `${label} must be text` })
    .min(1, { error: `${label} must not be blank; remove it instead` })
    .max(100, { error: `${label} must be at most 100 characters` })
    .describe(label)
    .optional();
}

/** Absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Reports the second and later items whose `key` repeats an earlier one. */
export function uniqueBy(key: string, label: string) {
  return (items: readonly Record<string, unknown>[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      const value = item[key];
      if (typeof value !== "string" || value === "") return;
      if (seen.has(value)) {
        ctx.addIssue({ code: "custom", message: `${label} "${value}" is used more than once`, path: [index, key] });
      }
      seen.add(value);
    });
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A config value as text ("" when it is not a string), for code that reads configs as stored. */
export const textOf = (value: unknown): string => (typeof value === "string" ? value : "");

/** A config value as a positive number, else the fallback. */
export const positiveOr = (value: unknown, fallback: number): number => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback);
