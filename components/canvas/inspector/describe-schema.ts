// Reads a node's zod config schema into a small description the inspector can draw: typed
// fields for strings, numbers, booleans, enums, objects, lists and discriminated unions, and
// "json" for anything else. Pure; refinements stay in the schema and run on validation.
import { z } from "zod";

export type FieldSpec =
  | { kind: "text"; maxLength?: number }
  | { kind: "number"; integer: boolean; min?: number; max?: number }
  | { kind: "boolean" }
  | { kind: "enum"; options: string[]; labels: Record<string, string>; hints?: Record<string, string> }
  | { kind: "object"; fields: ObjectField[] }
  | { kind: "array"; item: FieldSpec; minItems?: number; maxItems?: number }
  | { kind: "union"; discriminator: string; options: { value: string; fields: ObjectField[] }[] }
  | { kind: "json" };

export interface ObjectField {
  key: string;
  label: string;
  optional: boolean;
  spec: FieldSpec;
}

const WORDS: Record<string, string> = {
  url: "URL",
  json: "JSON",
  id: "ID",
  ai: "AI",
  http: "HTTP",
  ms: "(ms)",
  mb: "(MB)",
  seconds: "(seconds)",
  minutes: "(minutes)",
};

function sentence(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]/g, " ")
    .toLowerCase()
    .split(" ")
    .filter(Boolean)
    .map((w) => WORDS[w] ?? w)
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "timeoutMs" → "Timeout (ms)", "promptTemplate" → "Prompt", "baseUrl" → "Base URL". */
export function humanize(key: string): string {
  return sentence(key.replace(/Template$/, "").replace(/Id$/, "") || key);
}

/** An option's words when its schema names none: "in_app" → "In app", "raisePriority" → "Raise priority"; "GET" stays. */
export function optionLabel(value: string): string {
  return /^[A-Z0-9_]+$/.test(value) ? value : sentence(value);
}

type ChoiceMeta = { optionLabels?: Record<string, string>; optionHints?: Record<string, string> };

/** The option labels and hints lib/nodes/fields.ts `choice` keeps in the schema's metadata. */
function choiceText(schema: z.ZodType): ChoiceMeta {
  const meta = z.globalRegistry.get(schema) as ChoiceMeta | undefined;
  return { optionLabels: meta?.optionLabels, optionHints: meta?.optionHints };
}

function finite(n: number | null | undefined): number | undefined {
  return typeof n === "number" && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;
}

/** An array's min/max length, read from its checks (zod 4 keeps them in `def.checks`). */
function lengthLimits(schema: z.ZodArray): { minItems?: number; maxItems?: number } {
  const checks = (schema.def.checks ?? []) as unknown as { _zod: { def: { check?: string; minimum?: number; maximum?: number } } }[];
  const out: { minItems?: number; maxItems?: number } = {};
  for (const c of checks) {
    const def = c._zod?.def;
    if (def?.check === "min_length") out.minItems = finite(def.minimum);
    if (def?.check === "max_length") out.maxItems = finite(def.maximum);
  }
  return out;
}

/** The label a field builder gave the schema (lib/nodes/fields.ts), under optional/default. */
function labelOf(schema: z.ZodType): string | undefined {
  if (schema.description) return schema.description;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) return labelOf(schema.unwrap() as z.ZodType);
  return undefined;
}

function objectFields(shape: Record<string, z.ZodType>): ObjectField[] {
  return Object.entries(shape).map(([key, schema]) => {
    const optional = schema instanceof z.ZodOptional || schema instanceof z.ZodDefault;
    return { key, label: labelOf(schema) ?? humanize(key), optional, spec: describeSchema(schema) };
  });
}

export function describeSchema(schema: z.ZodType): FieldSpec {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return describeSchema(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodDefault) return describeSchema(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodString) return { kind: "text", maxLength: finite(schema.maxLength) };
  if (schema instanceof z.ZodNumber) {
    return { kind: "number", integer: Boolean(schema.isInt), min: finite(schema.minValue), max: finite(schema.maxValue) };
  }
  if (schema instanceof z.ZodBoolean) return { kind: "boolean" };
  if (schema instanceof z.ZodEnum) {
    const options = schema.options.map(String);
    const { optionLabels, optionHints } = choiceText(schema);
    const labels = Object.fromEntries(options.map((o) => [o, optionLabels?.[o] ?? optionLabel(o)]));
    return { kind: "enum", options, labels, ...(optionHints ? { hints: optionHints } : {}) };
  }
  if (schema instanceof z.ZodObject) return { kind: "object", fields: objectFields(schema.shape as Record<string, z.ZodType>) };
  if (schema instanceof z.ZodArray) {
    return { kind: "array", item: describeSchema(schema.element as z.ZodType), ...lengthLimits(schema) };
  }
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const discriminator = String((schema.def as { discriminator: string }).discriminator);
    const options: { value: string; fields: ObjectField[] }[] = [];
    for (const option of schema.options as z.ZodType[]) {
      if (!(option instanceof z.ZodObject)) return { kind: "json" };
      const tag = option.shape[discriminator];
      if (!(tag instanceof z.ZodLiteral)) return { kind: "json" };
      const value = String([...tag.values][0]);
      const fields = objectFields(option.shape as Record<string, z.ZodType>).filter((f) => f.key !== discriminator);
      options.push({ value, fields });
    }
    return { kind: "union", discriminator, options };
  }
  return { kind: "json" };
}

/** A starting value for a new list item or a newly enabled optional part. */
export function emptyValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case "text":
      return "";
    case "number":
      return spec.min !== undefined && spec.min > 0 ? spec.min : 0;
    case "boolean":
      return false;
    case "enum":
      return spec.options[0] ?? "";
    case "array":
      return [];
    case "object":
      return Object.fromEntries(spec.fields.filter((f) => !f.optional).map((f) => [f.key, emptyValue(f.spec)]));
    case "union": {
      const first = spec.options[0];
      if (!first) return {};
      return { [spec.discriminator]: first.value, ...(emptyValue({ kind: "object", fields: first.fields }) as object) };
    }
    case "json":
      return {};
  }
}

/** "branches" → "branch", "headers" → "header": names new list items. */
export function singular(key: string): string {
  if (/(ch|sh|x|ss)es$/.test(key)) return key.slice(0, -2);
  if (key.endsWith("ies")) return `${key.slice(0, -3)}y`;
  return key.endsWith("s") ? key.slice(0, -1) : key;
}

/** A new list item; an item with an `id` gets one not used yet ("branch-3"). */
export function newItem(spec: FieldSpec, listKey: string, existing: readonly unknown[]): unknown {
  const value = emptyValue(spec);
  if (spec.kind !== "object" || !spec.fields.some((f) => f.key === "id" && f.spec.kind === "text")) return value;
  const used = new Set(existing.map((item) => (item && typeof item === "object" ? (item as { id?: unknown }).id : undefined)));
  const base = singular(listKey).replace(/[^A-Za-z0-9_-]/g, "") || "item";
  let n = existing.length + 1;
  while (used.has(`${base}-${n}`)) n++;
  return { ...(value as object), id: `${base}-${n}` };
}
