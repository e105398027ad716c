// The agent's final answer checked against the step's JSON Schema: the value, or a problem
// that names what is wrong (shown to the model once for a repair, then in the step's error).
import type { z } from "zod";
import { describeIssues } from "@/lib/ai/output-schema";

/** Models often wrap JSON in a ```json fence even when told not to. */
function unfenced(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n?([\s\S]*?)\n?```\s*$/i.exec(text);
  return (fenced ? fenced[1] : text).trim();
}

export function checkJsonAnswer(text: string, validator: z.ZodType): { ok: true; value: unknown } | { ok: false; problem: string } {
  const body = unfenced(text);
  if (body === "") return { ok: false, problem: "the answer is empty, not JSON" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { ok: false, problem: `the answer is not valid JSON (${(error as Error).message})` };
  }
  const result = validator.safeParse(parsed);
  if (!result.success) return { ok: false, problem: `the answer does not match the JSON schema: ${describeIssues(result.error)}` };
  return { ok: true, value: result.data };
}
