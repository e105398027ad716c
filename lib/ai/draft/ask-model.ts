import "server-only";
// Asks a model for a workflow with structured output checked against the importer's own schema
// (lib/workflow/schema.ts workflowImportSchema, then lib/workflow/import.ts for node types, ids
// and edge ends). An answer that does not fit gets ONE repair attempt with the errors sent back;
// a second miss is a clear error naming what was wrong. Node settings are not part of this check:
// a draft with a half-filled step still opens, and the validator lists what the designer must fix.
import { generateText, JSONParseError, NoObjectGeneratedError, Output, TypeValidationError, type ModelMessage } from "ai";
import { z } from "zod";
import { parseImport } from "@/lib/workflow/import";
import { workflowImportSchema } from "@/lib/workflow/schema";
import type { WorkflowGraph } from "@/lib/workflow/types";
import type { ResolvedModel } from "@/lib/ai/providers";
import { draftSystemPrompt, repairPrompt } from "./instructions";

export interface AskUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What came back: the importer's document without settings (a draft takes the defaults). */
export interface DraftedWorkflow extends WorkflowGraph {
  name?: string;
  description?: string;
}

export type AskResult =
  | { ok: true; workflow: DraftedWorkflow; attempts: number; usage: AskUsage }
  | { ok: false; message: string; attempts: number; usage: AskUsage };

const MAX_LISTED = 5;

/** "nodes.2.type: Node type is required; edges: …" — the first few, with where each is. */
function listProblems(items: { path: string; message: string }[]): string {
  const shown = items.slice(0, MAX_LISTED).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  return `${shown.join("; ")}${items.length > MAX_LISTED ? ` (and ${items.length - MAX_LISTED} more)` : ""}`;
}

function whatWasWrong(error: unknown): string {
  const cause = NoObjectGeneratedError.isInstance(error) ? error.cause : error;
  if (JSONParseError.isInstance(cause)) return "the answer is not valid JSON";
  if (TypeValidationError.isInstance(cause) && cause.cause instanceof z.ZodError) {
    return listProblems(cause.cause.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  }
  return cause instanceof Error ? cause.message : "the answer does not follow the workflow format";
}

/** The importer's checks beyond the schema, except node settings (the validator's to list). */
function structureProblems(value: z.output<typeof workflowImportSchema>): { ok: true; workflow: DraftedWorkflow } | { ok: false; errors: string } {
  const imported = parseImport(value);
  // Node settings the importer would refuse stay as the model wrote them: the validator lists them.
  const structural = imported.ok ? [] : imported.problems.filter((p) => !/^nodes\.\d+\.data\.config(\.|$)/.test(p.path));
  if (structural.length > 0) return { ok: false, errors: listProblems(structural) };
  const source = imported.ok ? imported.workflow : value;
  return { ok: true, workflow: { name: source.name, description: source.description, nodes: source.nodes, edges: source.edges } };
}

export async function askForWorkflow(resolved: ResolvedModel, sentence: string, signal: AbortSignal): Promise<AskResult> {
  const usage: AskUsage = { inputTokens: 0, outputTokens: 0 };
  const count = (u: { inputTokens?: number; outputTokens?: number } | undefined) => {
    usage.inputTokens += u?.inputTokens ?? 0;
    usage.outputTokens += u?.outputTokens ?? 0;
  };
  const messages: ModelMessage[] = [{ role: "user", content: sentence }];
  let errors = "";
  for (let attempt = 1; attempt <= 2; attempt++) {
    let answer = "";
    try {
      const result = await generateText({
        model: resolved.model,
        system: draftSystemPrompt(),
        messages,
        temperature: 0,
        maxRetries: 0,
        abortSignal: signal,
        providerOptions: resolved.providerOptions,
        output: Output.object({ schema: workflowImportSchema }),
      });
      count(result.usage);
      answer = result.text;
      const checked = structureProblems(result.output);
      if (checked.ok) return { ok: true, workflow: checked.workflow, attempts: attempt, usage };
      errors = checked.errors;
    } catch (error) {
      if (!NoObjectGeneratedError.isInstance(error)) throw error;
      count(error.usage);
      answer = error.text ?? "";
      errors = whatWasWrong(error);
    }
    messages.push({ role: "assistant", content: answer || "(no answer)" }, { role: "user", content: repairPrompt(errors) });
  }
  return { ok: false, attempts: 2, usage, message: `The model's answer did not follow the workflow format, even after one repair attempt: ${errors}` };
}
