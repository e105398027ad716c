import "server-only";
// Workflow mutations. Each takes the Actor and asks can() before touching anything; a refusal
// of authorization throws PermissionError (the actions turn it into a message), a bad input
// comes back as a Refusal with what and where.
import { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { Workflow } from "@/models/Workflow";
import { WorkflowVersion } from "@/models/WorkflowVersion";
import type { Outcome } from "./contract";
import { blankGraph, insertWorkflow } from "./new-workflow";
import { fieldErrors, invalidInput } from "./refusals";
import { createWorkflowSchema, updateMetaSchema, workflowIdSchema } from "./schema";
import { ARCHIVED, assertCanCreate, authorizedWorkflow, graphOf, settingsOf } from "./store";
import { getTemplate } from "./templates";

export { saveGraph, restoreVersion } from "./save";
export { publishWorkflow } from "./publish";
export { shareWorkflow } from "./share";
export { importWorkflow } from "./import-file";

const idInput = z.object({ id: workflowIdSchema });

/** A blank workflow (start → end), or a copy of a built-in template. */
export async function createWorkflow(actor: Actor, input: unknown): Promise<Outcome<{ id: string }>> {
  assertCanCreate(actor);
  const parsed = createWorkflowSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, errors: fieldErrors(parsed.error) };
  const { name, templateId } = parsed.data;
  const template = templateId ? getTemplate(templateId) : undefined;
  if (template) {
    const { settings, ...graph } = template.build();
    const id = await insertWorkflow(actor, {
      name: name ?? template.name,
      description: template.description,
      tags: template.tags,
      category: template.category,
      graph,
      settings,
    });
    return { ok: true, id, message: `Created "${name ?? template.name}" from the ${template.name} template.` };
  }
  const id = await insertWorkflow(actor, { name: name ?? "Untitled workflow", graph: blankGraph() });
  return { ok: true, id, message: `Created "${name ?? "Untitled workflow"}".` };
}

/** A new draft with the same graph, settings and tags, owned by the actor. */
export async function duplicateWorkflow(actor: Actor, input: unknown): Promise<Outcome<{ id: string }>> {
  assertCanCreate(actor);
  const parsed = idInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Duplicating");
  const source = await authorizedWorkflow(actor, parsed.data.id, "workflow:view", { graph: true });
  const name = `Copy of ${source.name}`.slice(0, 200);
  const id = await insertWorkflow(actor, {
    name,
    description: source.description ?? "",
    tags: source.metadata?.tags ?? [],
    category: source.metadata?.category ?? "",
    graph: graphOf(source),
    settings: settingsOf(source.settings),
  });
  return { ok: true, id, message: `Created "${name}".` };
}

/** Archived workflows leave the default list and cannot be edited or published until unarchived. */
export async function setArchived(actor: Actor, input: unknown): Promise<Outcome> {
  const parsed = idInput.extend({ archived: z.boolean() }).safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Archiving");
  const { id, archived } = parsed.data;
  const doc = await authorizedWorkflow(actor, id, "workflow:delete");
  const status = archived ? "archived" : doc.publishedVersion ? "active" : "draft";
  await Workflow.updateOne({ _id: id }, { $set: { status, "metadata.lastEditor": actor.id } });
  return { ok: true, message: archived ? `Archived "${doc.name}".` : `Restored "${doc.name}" from the archive.` };
}

/** Deletes the workflow and every published version of it. */
export async function deleteWorkflow(actor: Actor, input: unknown): Promise<Outcome> {
  const parsed = idInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Deleting");
  const { id } = parsed.data;
  const doc = await authorizedWorkflow(actor, id, "workflow:delete");
  // The workflow first: if the second step fails, what is left are snapshots nobody can
  // reach, never a workflow whose versions are missing. Deleting by workflowId scans the
  // versions on FerretDB, which is acceptable for a rare action; it also catches snapshots a
  // crashed publish left without a summary.
  await Workflow.deleteOne({ _id: id });
  await WorkflowVersion.deleteMany({ workflowId: id });
  return { ok: true, message: `Deleted "${doc.name}".` };
}

/** Name, description, tags and run settings. Does not touch the graph or its revision. */
export async function updateMeta(actor: Actor, input: unknown): Promise<Outcome> {
  const parsed = updateMetaSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, errors: fieldErrors(parsed.error) };
  const { id, name, description, tags, settings } = parsed.data;
  const doc = await authorizedWorkflow(actor, id, "workflow:edit");
  if (doc.status === "archived") return { ok: false, message: ARCHIVED };
  const set: Record<string, unknown> = { "metadata.lastEditor": actor.id };
  if (name !== undefined) set.name = name;
  if (description !== undefined) set.description = description;
  if (tags !== undefined) set["metadata.tags"] = tags;
  if (settings !== undefined) set.settings = settings;
  await Workflow.updateOne({ _id: id }, { $set: set });
  return { ok: true, message: "Saved." };
}
