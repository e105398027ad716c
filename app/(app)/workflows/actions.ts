"use server";
// Server actions of the workflow list. Each one checks authorization itself (runWorkflowAction,
// then can() inside the service), validates its input with zod in the service, and answers
// with { ok, message, errors | problems }: refusals never throw to the browser.

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { DraftRequest } from "@/lib/ai/draft/schema";
import { draftInfo, draftWorkflow, openDraft, rateDraft, type DraftView } from "@/lib/ai/draft/service";
import type { Outcome } from "@/lib/workflows/contract";
import { exportWorkflow } from "@/lib/workflows/queries";
import { invalidInput } from "@/lib/workflows/refusals";
import { runWorkflowAction } from "@/lib/workflows/run-action";
import { workflowIdSchema } from "@/lib/workflows/schema";
import {
  createWorkflow,
  deleteWorkflow,
  duplicateWorkflow,
  importWorkflow,
  setArchived,
} from "@/lib/workflows/service";

/** Refreshes the list after a change that succeeded. */
async function listChange<T extends { ok: boolean }>(result: Promise<T>): Promise<T> {
  const done = await result;
  if (done.ok) revalidatePath("/workflows");
  return done;
}

/** A blank workflow; `input` must name it ({ name }): the service parses it, so junk creates nothing. */
export async function createWorkflowAction(input: { name: string }): Promise<Outcome<{ id: string }>> {
  return runWorkflowAction((actor) => listChange(createWorkflow(actor, input)));
}

export async function createFromTemplateAction(templateId: string, name?: string): Promise<Outcome<{ id: string }>> {
  return runWorkflowAction((actor) => listChange(createWorkflow(actor, { templateId: templateId ?? null, name })));
}

export async function duplicateWorkflowAction(id: string): Promise<Outcome<{ id: string }>> {
  return runWorkflowAction((actor) => listChange(duplicateWorkflow(actor, { id })));
}

export async function archiveWorkflowAction(id: string, archived: boolean): Promise<Outcome> {
  return runWorkflowAction((actor) => listChange(setArchived(actor, { id, archived })));
}

export async function deleteWorkflowAction(id: string): Promise<Outcome> {
  return runWorkflowAction((actor) => listChange(deleteWorkflow(actor, { id })));
}

export async function importWorkflowAction(input: { text: string; fileName?: string }): Promise<Outcome<{ id: string }>> {
  return runWorkflowAction((actor) => listChange(importWorkflow(actor, input)));
}

const fileName = (name: string) =>
  `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "workflow"}.json`;

/** The workflow as a JSON file's text, for the browser to download. */
export async function exportWorkflowAction(id: string): Promise<Outcome<{ fileName: string; json: string }>> {
  return runWorkflowAction(async (actor) => {
    const parsed = z.object({ id: workflowIdSchema }).safeParse({ id });
    if (!parsed.success) return invalidInput(parsed.error, "Exporting");
    const file = await exportWorkflow(actor, parsed.data.id);
    return { ok: true as const, fileName: fileName(file.name), json: JSON.stringify(file, null, 2) };
  });
}

/** Asks a model for a workflow from a sentence; nothing is created until the draft is opened. */
export async function draftWorkflowAction(input: DraftRequest): Promise<Outcome<DraftView>> {
  return runWorkflowAction((actor) => draftWorkflow(actor, input));
}

/** Opens a draft as a new workflow (or records it was put on an empty canvas). */
export async function openDraftAction(input: { suggestionId: string; positions?: Record<string, { x: number; y: number }>; workflowId?: string }): Promise<Outcome<{ id: string }>> {
  return runWorkflowAction((actor) => listChange(openDraft(actor, input)));
}

export async function rateDraftAction(input: { suggestionId: string; vote: "up" | "down"; comment?: string }): Promise<Outcome> {
  return runWorkflowAction((actor) => rateDraft(actor, input));
}

export async function draftInfoAction(suggestionId: string): Promise<Outcome<{ notes: string[]; vote: "up" | "down" | null }>> {
  return runWorkflowAction((actor) => draftInfo(actor, { suggestionId }));
}
