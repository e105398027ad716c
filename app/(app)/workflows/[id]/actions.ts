"use server";
// Server actions of the workflow editor. Each one checks authorization itself (runWorkflowAction,
// then can() with the workflow's access list), validates its input with zod, and answers with a
// result: refusals never throw to the browser. None revalidates the page: the canvas keeps its
// own state, and re-rendering it on every autosave would fight the user's edits.

import type {
  DiffSide,
  GraphDiff,
  Outcome,
  PublishInput,
  PublishResult,
  RestoredDraft,
  SaveGraphInput,
  SaveGraphResult,
  ShareInput,
  SharingView,
  UpdateMetaInput,
  VersionSnapshot,
  VersionSummary,
} from "@/lib/workflows/contract";
import { setAvailableToAi, type AiAvailabilityInput } from "@/lib/workflows/ai-availability";
import { diffVersions, getSharing, getVersion, listVersions } from "@/lib/workflows/queries";
import { invalidInput } from "@/lib/workflows/refusals";
import { runWorkflowAction } from "@/lib/workflows/run-action";
import { diffSchema, incomingDataSchema, versionRefSchema, workflowIdSchema } from "@/lib/workflows/schema";
import { latestIncomingData, type IncomingSample } from "@/lib/workflows/incoming-data";
import { testStep, type StepTestInput, type StepTestView } from "@/lib/workflows/step-test";
import { publishWorkflow, restoreVersion, saveGraph, shareWorkflow, updateMeta } from "@/lib/workflows/service";
import type { CreatedSecret, TriggerView, TriggersPanelData } from "@/lib/triggers/contract";
import type { TriggerInput } from "@/lib/triggers/schema";
import { createTrigger, deleteTrigger, rotateSecret, triggersPanel, updateTrigger } from "@/lib/triggers/service";

export async function saveGraphAction(input: SaveGraphInput): Promise<SaveGraphResult> {
  return runWorkflowAction((actor) => saveGraph(actor, input));
}

export async function publishAction(input: PublishInput): Promise<PublishResult> {
  return runWorkflowAction((actor) => publishWorkflow(actor, input));
}

export async function listVersionsAction(id: string): Promise<Outcome<{ versions: VersionSummary[] }>> {
  return runWorkflowAction(async (actor) => {
    const parsed = workflowIdSchema.safeParse(id);
    if (!parsed.success) return invalidInput(parsed.error, "Listing versions");
    return { ok: true as const, versions: await listVersions(actor, parsed.data) };
  });
}

export async function getVersionAction(id: string, version: number): Promise<Outcome<{ snapshot: VersionSnapshot }>> {
  return runWorkflowAction(async (actor) => {
    const parsed = versionRefSchema.safeParse({ id, version });
    if (!parsed.success) return invalidInput(parsed.error, "Opening the version");
    return { ok: true as const, snapshot: await getVersion(actor, parsed.data.id, parsed.data.version) };
  });
}

export async function restoreVersionAction(id: string, version: number): Promise<Outcome<RestoredDraft>> {
  return runWorkflowAction((actor) => restoreVersion(actor, { id, version }));
}

/** from/to: a version number, or "draft" for the stored draft. */
export async function diffVersionsAction(id: string, from: DiffSide, to: DiffSide): Promise<Outcome<{ diff: GraphDiff }>> {
  return runWorkflowAction(async (actor) => {
    const parsed = diffSchema.safeParse({ id, from, to });
    if (!parsed.success) return invalidInput(parsed.error, "Comparing");
    return { ok: true as const, diff: await diffVersions(actor, parsed.data.id, parsed.data.from, parsed.data.to) };
  });
}

/** What flowed into a node in the latest runs (its input, or a step before it's output); null when none ran. */
export async function incomingDataAction(id: string, nodeId: string, sourceIds: string[]): Promise<Outcome<{ sample: IncomingSample | null }>> {
  return runWorkflowAction(async (actor) => {
    const parsed = incomingDataSchema.safeParse({ id, nodeId, sourceIds });
    if (!parsed.success) return invalidInput(parsed.error, "Reading the latest run");
    return { ok: true as const, sample: await latestIncomingData(actor, parsed.data.id, parsed.data.nodeId, parsed.data.sourceIds) };
  });
}

/** "Test this step": runs one node of the saved draft alone, without creating a run (lib/workflows/step-test.ts). */
export async function testStepAction(input: StepTestInput): Promise<Outcome<{ result: StepTestView }>> {
  return runWorkflowAction((actor) => testStep(actor, input));
}

export async function updateMetaAction(input: UpdateMetaInput): Promise<Outcome> {
  return runWorkflowAction((actor) => updateMeta(actor, input));
}

/** "Available to AI assistants" (/api/mcp): editors and owners only, checked in setAvailableToAi. */
export async function setAvailableToAiAction(input: AiAvailabilityInput): Promise<Outcome<{ available: boolean }>> {
  return runWorkflowAction((actor) => setAvailableToAi(actor, input));
}

export async function shareAction(input: ShareInput): Promise<Outcome> {
  return runWorkflowAction((actor) => shareWorkflow(actor, input));
}

export async function getSharingAction(id: string): Promise<Outcome<{ sharing: SharingView }>> {
  return runWorkflowAction(async (actor) => {
    const parsed = workflowIdSchema.safeParse(id);
    if (!parsed.success) return invalidInput(parsed.error, "Reading who has access");
    return { ok: true as const, sharing: await getSharing(actor, parsed.data) };
  });
}

// ---- Triggers (schedules, webhooks): lib/triggers/service.ts checks workflow:view / workflow:edit ----

export async function triggersPanelAction(id: string): Promise<Outcome<{ panel: TriggersPanelData }>> {
  return runWorkflowAction(async (actor) => {
    const parsed = workflowIdSchema.safeParse(id);
    if (!parsed.success) return invalidInput(parsed.error, "Listing triggers");
    return { ok: true as const, panel: await triggersPanel(actor, parsed.data) };
  });
}

export async function createTriggerAction(input: TriggerInput): Promise<Outcome<{ trigger: TriggerView; secret: CreatedSecret | null }>> {
  return runWorkflowAction((actor) => createTrigger(actor, input));
}

export async function updateTriggerAction(input: TriggerInput & { triggerId: string }): Promise<Outcome<{ trigger: TriggerView; secret: CreatedSecret | null }>> {
  return runWorkflowAction((actor) => updateTrigger(actor, input));
}

export async function rotateTriggerSecretAction(input: { workflowId: string; triggerId: string }): Promise<Outcome<{ secret: CreatedSecret }>> {
  return runWorkflowAction((actor) => rotateSecret(actor, input));
}

export async function deleteTriggerAction(input: { workflowId: string; triggerId: string }): Promise<Outcome> {
  return runWorkflowAction((actor) => deleteTrigger(actor, input));
}
