// Turns zod issues and size checks into the refusal every workflow action returns.
import type { z } from "zod";
import type { PathProblem, Refusal } from "./contract";
import { MAX_IMPORT_PROBLEMS } from "@/lib/workflow/import";
import { jsonBytes, MAX_PAYLOAD_BYTES, tooLargeMessage } from "./limits";

export function issueProblems(error: z.ZodError, limit = MAX_IMPORT_PROBLEMS): { problems: PathProblem[]; truncated: boolean } {
  const problems = error.issues.slice(0, limit).map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  return { problems, truncated: error.issues.length > limit };
}

/** A refusal naming the first problem, with the first 20 listed. */
export function invalidInput(error: z.ZodError, what = "The request"): Refusal {
  const { problems, truncated } = issueProblems(error);
  const first = problems[0];
  const where = first?.path ? ` (at ${first.path})` : "";
  return { ok: false, message: `${what} was refused: ${first?.message ?? "it is not valid"}${where}.`, problems, truncated };
}

/** Field errors of a small form, keyed by the first path segment. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return out;
}

/** Refuses a payload over the limit before anything parses it. */
export function oversize(input: unknown, what: string): Refusal | null {
  const bytes = jsonBytes(input);
  return bytes > MAX_PAYLOAD_BYTES ? { ok: false, message: tooLargeMessage(what, bytes) } : null;
}
