// The JSON Schema of an AI step's JSON output: parsed from the node's config text and turned
// into a validator with zod's JSON Schema import, so the answer is checked before it is used.
import { z } from "zod";
import { jsonSchema, type Schema } from "ai";

export type JsonSchemaObject = Record<string, unknown>;

export type OutputSchema =
  | { ok: true; schema: JsonSchemaObject; validator: z.ZodType; aiSchema: Schema<unknown> }
  | { ok: false; message: string };

/** The first few problems of a failed validation, with where they are: "category: Invalid option…". */
export function describeIssues(error: z.ZodError, max = 3): string {
  const shown = error.issues.slice(0, max).map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`);
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : "";
  return `${shown.join("; ")}${more}`;
}

export function parseOutputSchema(text: string | undefined): OutputSchema {
  if (!text || text.trim() === "") return { ok: false, message: "JSON output needs a JSON schema; add one in the step's settings" };
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `the JSON schema is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    return { ok: false, message: "the JSON schema must be a JSON object" };
  }
  let validator: z.ZodType;
  try {
    validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (error) {
    return { ok: false, message: `the JSON schema uses something that cannot be checked: ${(error as Error).message}` };
  }
  const aiSchema = jsonSchema<unknown>(schema as Parameters<typeof jsonSchema>[0], {
    validate: (value) => {
      const result = validator.safeParse(value);
      return result.success
        ? { success: true, value: result.data }
        : { success: false, error: new Error(`the answer does not match the JSON schema: ${describeIssues(result.error)}`) };
    },
  });
  return { ok: true, schema: schema as JsonSchemaObject, validator, aiSchema };
}
