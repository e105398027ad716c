// Checks a run's input against the input fields its start node declares, before anything is
// created. Pure (no server code), so the run dialog can show the same messages as the server.
// Declared fields are checked; other keys pass through untouched (a webhook may send more than
// the form asks for).
import { z } from "zod";
import type { StartConfig } from "@/lib/nodes/start/definition";
import type { WorkflowGraph } from "@/lib/workflow/types";

export type InputField = StartConfig["fields"][number];

export type RunInputCheck =
  | { ok: true; input: Record<string, unknown> }
  | { ok: false; message: string; errors: Record<string, string[]> };

/** The input fields of the graph's start node (none when it has no start node or declares none). */
export function startFields(graph: WorkflowGraph): InputField[] {
  const start = graph.nodes.find((n) => n.type === "start");
  const fields = (start?.data?.config as Partial<StartConfig> | undefined)?.fields;
  return Array.isArray(fields) ? fields : [];
}

function isDateText(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value));
}

function fieldSchema(field: InputField): z.ZodType {
  const label = field.label?.trim() || field.name;
  switch (field.type) {
    case "number":
      return z.number({ error: `${label} must be a number` }).finite({ error: `${label} must be a finite number` });
    case "boolean":
      return z.boolean({ error: `${label} must be true or false` });
    case "date":
      return z.string({ error: `${label} must be a date (YYYY-MM-DD or an ISO date-time)` }).refine(isDateText, {
        error: `${label} must be a date (YYYY-MM-DD or an ISO date-time)`,
      });
    case "object":
      return z.record(z.string(), z.unknown(), { error: `${label} must be an object` });
    default:
      return z.string({ error: `${label} must be text` }).max(100_000, { error: `${label} must be at most 100000 characters` });
  }
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** The input with its declared fields checked; blank optional fields are dropped. */
export function checkRunInput(fields: readonly InputField[], input: unknown): RunInputCheck {
  const given = input === undefined || input === null ? {} : input;
  if (typeof given !== "object" || Array.isArray(given)) {
    return { ok: false, message: "The run input must be an object of named fields.", errors: { input: ["The run input must be an object of named fields"] } };
  }
  const out: Record<string, unknown> = { ...(given as Record<string, unknown>) };
  const errors: Record<string, string[]> = {};
  for (const field of fields) {
    const value = out[field.name];
    const label = field.label?.trim() || field.name;
    if (isBlank(value)) {
      delete out[field.name];
      if (field.required) errors[field.name] = [`${label} is required`];
      continue;
    }
    const parsed = fieldSchema(field).safeParse(value);
    if (!parsed.success) errors[field.name] = parsed.error.issues.map((i) => i.message);
  }
  const names = Object.keys(errors);
  if (names.length === 0) return { ok: true, input: out };
  const first = errors[names[0]][0];
  const more = names.length > 1 ? ` (and ${names.length - 1} more ${names.length === 2 ? "field" : "fields"})` : "";
  return { ok: false, message: `The run input was refused: ${first}${more}.`, errors };
}
