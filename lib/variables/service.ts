import "server-only";
// Global variables (admins: "variables:manage") and a workflow's own variables (its editors:
// "workflow:edit" on it; its viewers may read their names and non-secret values). A secret's
// value is sealed and never returned; a delete of a variable that expressions name is refused
// once with the workflows that use it.
import { can, type Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { authorizedWorkflow } from "@/lib/workflows/store";
import { workflowsWhoseGraph } from "@/lib/workflows/graph-search";
import { Variable, type VariableDoc } from "@/models/Variable";
import type { WorkflowUse } from "@/lib/credentials/kinds";
import { parseVariableValue, variableFormSchema, type VariableName, type VariableRow, type VariableType } from "./kinds";
import { sealVariable, toVariableRow, variableId, variablesInScope, VARIABLE_ID } from "./store";

export interface VariableResult {
  ok: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  id?: string;
  /** Set when a delete was refused because workflows use it: confirm to delete anyway. */
  inUse?: WorkflowUse[];
}

const MISSING = "That variable no longer exists.";

/** Throws PermissionError unless the actor may change variables of this scope (null: global). */
async function assertMayEdit(actor: Actor, workflowId: string | null): Promise<void> {
  if (workflowId === null) {
    if (!can(actor, "variables:manage")) throw new PermissionError("Only admins manage global variables.");
  } else {
    await authorizedWorkflow(actor, workflowId, "workflow:edit");
  }
}

export async function listGlobalVariables(actor: Actor): Promise<VariableRow[]> {
  if (!can(actor, "variables:manage")) throw new PermissionError("Only admins manage global variables.");
  const docs = await Variable.find({ scope: "global" }).lean<VariableDoc[]>();
  return docs.map(toVariableRow).sort((a, b) => a.name.localeCompare(b.name));
}

/** A workflow's own variables, for anyone who may view it. */
export async function listWorkflowVariables(actor: Actor, workflowId: string): Promise<VariableRow[]> {
  await authorizedWorkflow(actor, workflowId, "workflow:view");
  const docs = await Variable.find({ workflowId }).lean<VariableDoc[]>();
  return docs.map(toVariableRow).sort((a, b) => a.name.localeCompare(b.name));
}

/** What `$vars` starts with in a run of this workflow, for the expression editor's suggestions. */
export async function variableNames(actor: Actor, workflowId: string): Promise<VariableName[]> {
  await authorizedWorkflow(actor, workflowId, "workflow:view");
  const byName = new Map<string, VariableName>();
  const docs = await variablesInScope(workflowId);
  for (const d of [...docs.filter((x) => x.scope === "global"), ...docs.filter((x) => x.scope !== "global")]) {
    byName.set(d.name, { name: d.name, scope: d.scope as VariableName["scope"], type: d.type as VariableType, secret: Boolean(d.secret) });
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Creates (no `id`) or edits a variable of the scope (`workflowId` null: global). The name is
 * fixed once created. A secret left blank when editing keeps its value.
 */
export async function saveVariable(actor: Actor, workflowId: string | null, id: string | null, input: unknown): Promise<VariableResult> {
  await assertMayEdit(actor, workflowId);
  const parsed = variableFormSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, errors, message: "Check the highlighted fields." };
  }
  const form = parsed.data;
  let existing: VariableDoc | null = null;
  if (id !== null) {
    existing = VARIABLE_ID.test(id) ? await Variable.findById(id).lean<VariableDoc>() : null;
    if (!existing || String(existing.workflowId ?? "global") !== (workflowId ?? "global")) return { ok: false, message: MISSING };
    if (existing.name !== form.name) return { ok: false, errors: { name: ["A variable's name cannot change: add a new one and delete this one."] }, message: "Check the highlighted fields." };
  }
  const keepSecret = existing?.secret === true && form.secret && form.value === "";
  let value: unknown;
  if (!keepSecret) {
    const typed = parseVariableValue(form.type, form.value);
    if (!typed.ok) return { ok: false, errors: { value: [typed.message] }, message: "Check the highlighted fields." };
    value = typed.value;
  }
  const docId = existing?._id ?? variableId(workflowId, form.name);
  const fields = {
    type: form.type,
    description: form.description,
    secret: form.secret,
    value: form.secret ? null : JSON.stringify(value),
    sealed: form.secret ? (keepSecret ? existing!.sealed : sealVariable(docId, value)) : null,
    updatedBy: actor.id,
  };
  if (existing) {
    if (keepSecret && existing.type !== form.type) return { ok: false, errors: { value: ["Enter the value again: the type changed."] }, message: "Check the highlighted fields." };
    await Variable.updateOne({ _id: docId }, { $set: fields });
    return { ok: true, id: docId, message: `Saved ${form.name}. Runs that start from now on use the new value.` };
  }
  try {
    await Variable.create({ _id: docId, scope: workflowId ? "workflow" : "global", workflowId, name: form.name, ...fields });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) {
      return { ok: false, errors: { name: [`A variable named ${form.name} already exists here.`] }, message: "Check the highlighted fields." };
    }
    throw error;
  }
  return { ok: true, id: docId, message: `Added ${form.name}. Use it as $vars.${form.name}.` };
}

/** Workflows whose expressions name `$vars.<name>` (a workflow variable: only its own workflow). */
export function workflowsUsingVariable(name: string, workflowId: string | null): Promise<WorkflowUse[]> {
  const pattern = new RegExp(`\\$vars(\\.${name}|\\.\`${name}\`)(?![A-Za-z0-9_])`);
  return workflowsWhoseGraph((text) => pattern.test(text), workflowId ?? undefined);
}

export async function deleteVariable(actor: Actor, id: unknown, options: { confirmed?: boolean } = {}): Promise<VariableResult> {
  if (typeof id !== "string" || !VARIABLE_ID.test(id)) return { ok: false, message: MISSING };
  const doc = await Variable.findById(id).lean<VariableDoc>();
  if (!doc) return { ok: false, message: MISSING };
  const workflowId = doc.workflowId ? String(doc.workflowId) : null;
  await assertMayEdit(actor, workflowId);
  if (!options.confirmed) {
    const inUse = await workflowsUsingVariable(doc.name, workflowId);
    if (inUse.length > 0) {
      const names = inUse.map((w) => `"${w.name}"`).join(", ");
      return { ok: false, inUse, message: `$vars.${doc.name} is used by ${inUse.length === 1 ? "the workflow" : `${inUse.length} workflows:`} ${names}. Their expressions will read nothing for it.` };
    }
  }
  await Variable.deleteOne({ _id: id });
  return { ok: true, message: `Deleted ${doc.name}.` };
}
