"use server";
// Global variables (admins) and a workflow's own variables (its editors): one set of actions,
// the scope named by `workflowId` (null: global). The service checks the right on the scope.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser, PermissionError } from "@/lib/auth/session";
import { workflowIdSchema } from "@/lib/workflows/schema";
import { deleteVariable, listWorkflowVariables, saveVariable, variableNames, type VariableResult } from "@/lib/variables/service";
import type { VariableName, VariableRow } from "@/lib/variables/kinds";

const scopeSchema = z.union([z.null(), workflowIdSchema]);

async function guarded<T extends VariableResult>(run: (actor: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>) => Promise<T>): Promise<VariableResult> {
  try {
    const actor = await getCurrentUser();
    if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
    const result = await run(actor);
    if (result.ok) revalidatePath("/settings/variables");
    return result;
  } catch (err) {
    if (err instanceof PermissionError) return { ok: false, message: err.message };
    throw err;
  }
}

export async function saveVariableAction(workflowId: string | null, id: string | null, form: unknown): Promise<VariableResult> {
  const scope = scopeSchema.safeParse(workflowId);
  if (!scope.success) return { ok: false, message: "That workflow does not exist." };
  const variableId = z.string().max(200).nullable().safeParse(id);
  if (!variableId.success) return { ok: false, message: "That variable no longer exists." };
  return guarded((actor) => saveVariable(actor, scope.data, variableId.data, form));
}

/** Without `confirmed`, a variable that expressions use is not deleted: the answer lists the workflows. */
export async function deleteVariableAction(id: string, confirmed: boolean): Promise<VariableResult> {
  const parsed = z.object({ id: z.string().max(200), confirmed: z.boolean() }).safeParse({ id, confirmed });
  if (!parsed.success) return { ok: false, message: "That variable no longer exists." };
  return guarded((actor) => deleteVariable(actor, parsed.data.id, { confirmed: parsed.data.confirmed }));
}

async function reading<T>(workflowId: string, read: (actor: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>, id: string) => Promise<T>): Promise<T> {
  const parsed = workflowIdSchema.safeParse(workflowId);
  if (!parsed.success) throw new PermissionError("That workflow does not exist.");
  const actor = await getCurrentUser();
  if (!actor) throw new PermissionError("Your session has ended. Sign in again.");
  return read(actor, parsed.data);
}

/** The canvas's variables panel: the workflow's own variables (secret values never included). */
export async function workflowVariablesAction(workflowId: string): Promise<VariableRow[]> {
  return reading(workflowId, listWorkflowVariables);
}

/** The expression editor's `$vars` suggestions: global and workflow variable names. */
export async function variableNamesAction(workflowId: string): Promise<VariableName[]> {
  return reading(workflowId, variableNames);
}
