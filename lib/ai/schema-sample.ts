// A value that follows a JSON Schema, chosen deterministically from a seed: what the simulated
// provider answers in JSON mode. Covers the schema an AI step is likely to use (objects,
// arrays, enums, const, numbers with bounds, string formats and lengths, anyOf/oneOf/allOf,
// local $refs); `pattern` is not generated and may fail validation.
import type { Seeded } from "./seeded";

type Schema = Record<string, unknown>;

const MAX_DEPTH = 8;

const PHRASES = [
  "consistent with the request",
  "within the usual range",
  "worth a second look",
  "clear and complete",
  "in line with policy",
  "typical for this kind of request",
];

const isSchema = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

export interface SampleContext {
  random: Seeded;
  /** A few words of the prompt, so generated text reads as an answer to it. */
  topic: string;
}

export function sampleFromSchema(schema: unknown, context: SampleContext): unknown {
  return sample(schema, isSchema(schema) ? schema : {}, context, 0, "value");
}

function resolveRef(ref: string, root: Schema): unknown {
  if (!ref.startsWith("#/")) return {};
  let node: unknown = root;
  for (const part of ref.slice(2).split("/")) {
    node = isSchema(node) ? node[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  return node ?? {};
}

function sample(input: unknown, root: Schema, ctx: SampleContext, depth: number, name: string): unknown {
  if (input === true || input === undefined) return text(ctx, name, {});
  if (!isSchema(input)) return null;
  let schema = input;
  if (typeof schema.$ref === "string") schema = { ...(resolveRef(schema.$ref, root) as Schema), ...schema, $ref: undefined };
  if (depth > MAX_DEPTH) return null;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return ctx.random.pick(schema.enum);
  const choices = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(choices) && choices.length > 0) {
    const nonNull = choices.filter((c) => !(isSchema(c) && c.type === "null"));
    return sample(nonNull[0] ?? choices[0], root, ctx, depth + 1, name);
  }
  if (Array.isArray(schema.allOf)) schema = mergeAll(schema, root);
  switch (typeOf(schema)) {
    case "object":
      return object(schema, root, ctx, depth);
    case "array":
      return array(schema, root, ctx, depth, name);
    case "integer":
      return number(schema, ctx, true);
    case "number":
      return number(schema, ctx, false);
    case "boolean":
      return ctx.random.next() < 0.5;
    case "null":
      return null;
    default:
      return text(ctx, name, schema);
  }
}

function typeOf(schema: Schema): string {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return (type.find((t) => t !== "null") as string | undefined) ?? "null";
  if (isSchema(schema.properties)) return "object";
  if (schema.items !== undefined || schema.prefixItems !== undefined) return "array";
  return "string";
}

function mergeAll(schema: Schema, root: Schema): Schema {
  const merged: Schema = { ...schema, allOf: undefined };
  const properties: Schema = { ...(isSchema(schema.properties) ? schema.properties : {}) };
  const required = new Set<string>(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const part of schema.allOf as unknown[]) {
    const resolved = isSchema(part) && typeof part.$ref === "string" ? (resolveRef(part.$ref, root) as Schema) : part;
    if (!isSchema(resolved)) continue;
    Object.assign(merged, { ...resolved, properties: undefined, required: undefined });
    if (isSchema(resolved.properties)) Object.assign(properties, resolved.properties);
    if (Array.isArray(resolved.required)) for (const r of resolved.required as string[]) required.add(r);
  }
  return { ...merged, properties, required: [...required] };
}

function object(schema: Schema, root: Schema, ctx: SampleContext, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = isSchema(schema.properties) ? schema.properties : {};
  // A model fills every field it is shown, required or not.
  for (const [key, sub] of Object.entries(properties)) out[key] = sample(sub, root, ctx, depth + 1, key);
  return out;
}

function array(schema: Schema, root: Schema, ctx: SampleContext, depth: number, name: string): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as unknown[]) : [];
  const min = Math.max(typeof schema.minItems === "number" ? schema.minItems : 1, prefix.length);
  const max = Math.max(min, typeof schema.maxItems === "number" ? schema.maxItems : min + 2);
  const count = ctx.random.int(min, Math.min(max, min + 2));
  const items: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const sub = i < prefix.length ? prefix[i] : schema.items;
    let value = sample(sub, root, ctx, depth + 1, name);
    // uniqueItems: try a few more draws before giving up on a duplicate.
    for (let tries = 0; schema.uniqueItems === true && tries < 5 && items.some((v) => JSON.stringify(v) === JSON.stringify(value)); tries++) {
      value = sample(sub, root, ctx, depth + 1, `${name} ${i + 1}`);
    }
    if (schema.uniqueItems === true && items.some((v) => JSON.stringify(v) === JSON.stringify(value)) && items.length >= min) break;
    items.push(value);
  }
  return items;
}

function number(schema: Schema, ctx: SampleContext, integer: boolean): number {
  const num = (key: string) => (typeof schema[key] === "number" ? (schema[key] as number) : undefined);
  const exclusiveMin = num("exclusiveMinimum");
  const exclusiveMax = num("exclusiveMaximum");
  let low = num("minimum") ?? (exclusiveMin !== undefined ? exclusiveMin + (integer ? 1 : 0.01) : undefined);
  let high = num("maximum") ?? (exclusiveMax !== undefined ? exclusiveMax - (integer ? 1 : 0.01) : undefined);
  low ??= high !== undefined ? Math.min(0, high) : integer ? 1 : 0;
  high ??= Math.max(low, integer ? 100 : 1000);
  let value = integer
    ? ctx.random.int(Math.ceil(low), Math.floor(high))
    : Math.round((low + ctx.random.next() * (high - low)) * 100) / 100;
  const step = num("multipleOf");
  if (step && step > 0) {
    const k = Math.max(Math.ceil(low / step), Math.min(Math.floor(high / step), Math.round(value / step)));
    value = Number((k * step).toFixed(10));
  }
  return Math.min(high, Math.max(low, value));
}

function text(ctx: SampleContext, name: string, schema: Schema): string {
  const r = ctx.random;
  let value: string;
  switch (schema.format) {
    case "date":
      value = `2026-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
      break;
    case "date-time":
      value = `2026-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}T${String(r.int(8, 17)).padStart(2, "0")}:00:00Z`;
      break;
    case "time":
      value = `${String(r.int(8, 17)).padStart(2, "0")}:${r.pick(["00", "15", "30", "45"])}:00`;
      break;
    case "email":
      value = `${r.pick(["ada", "grace", "alan", "katherine"])}@example.com`;
      break;
    case "uri":
    case "url":
      value = `https://example.com/${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
      break;
    case "uuid": {
      const hex = Array.from({ length: 32 }, () => r.int(0, 15).toString(16)).join("");
      value = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
      break;
    }
    default: {
      const label = name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
      const subject = ctx.topic || label;
      if (/^(title|name|subject|heading|label)$/.test(label)) value = subject.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
      else value = `${subject.charAt(0).toUpperCase()}${subject.slice(1)} looks ${r.pick(PHRASES)}.`;
    }
  }
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  while (value.length < min) value += " More detail follows on request.";
  return value.length > max ? value.slice(0, max) : value;
}
