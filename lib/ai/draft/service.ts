import "server-only";
// Drafting a workflow from a sentence: ask the chosen model (ask-model.ts), validate the answer
// with the canvas's validator, and store the suggestion (models/AiWorkflowSuggestion.ts) with its
// problems, notes and cost. Opening a draft creates an unpublished workflow whose nodes all carry
// `suggested: true` (or records that it was put on an empty canvas); the designer's thumbs are
// kept on the suggestion. Everything is read and changed by _id.
import { isValidObjectId } from "mongoose";
import type { Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { credentialApiKey } from "@/lib/credentials/apply";
import { revealCredentialFor } from "@/lib/credentials/runtime";
import { validateWorkflow, type Problem } from "@/lib/engine/validate";
import type { WorkflowEdge, WorkflowNode } from "@/lib/workflow/types";
import type { Outcome } from "@/lib/workflows/contract";
import { insertWorkflow } from "@/lib/workflows/new-workflow";
import { fieldErrors, invalidInput } from "@/lib/workflows/refusals";
import { toStorableGraph } from "@/lib/workflows/storable";
import { assertCanCreate, authorizedWorkflow } from "@/lib/workflows/store";
import { decodeGraph, encodeGraph } from "@/models/graph-codec";
import { AiWorkflowSuggestion, type AiWorkflowSuggestionDoc } from "@/models/AiWorkflowSuggestion";
import { classifyAiError } from "@/lib/ai/errors";
import { AI_PROVIDER_SHORT } from "@/lib/ai/labels";
import { costOf } from "@/lib/ai/pricing";
import { resolveModel, type ModelRequest } from "@/lib/ai/providers";
import { askForWorkflow } from "./ask-model";
import { draftNotes } from "./notes";
import { draftFeedbackSchema, draftRequestSchema, openDraftSchema } from "./schema";

/** A model slower than this is given up on; the dialog shows progress meanwhile. */
export const DRAFT_TIMEOUT_MS = 120_000;

export interface DraftView {
  suggestionId: string;
  name: string;
  description: string;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  problems: Problem[];
  notes: string[];
  attempts: number;
  usage: { inputTokens: number; outputTokens: number; cost: number; priced: boolean };
}

const NOT_FOUND = "This draft does not exist, or it is not yours.";

async function credentialAuth(actor: Actor, credentialId: string | undefined): Promise<Pick<ModelRequest, "apiKey" | "headers"> | { refused: string }> {
  if (!credentialId) return {};
  const credential = await revealCredentialFor(actor.id, credentialId);
  if (!credential) return { refused: "The chosen credential no longer exists; choose another." };
  if ("refused" in credential) return { refused: "You may not use the chosen credential; ask its owner to share it with you." };
  if (credential.type === "header" && credential.secret.headerName && credential.secret.value) {
    return { headers: { [credential.secret.headerName]: credential.secret.value } };
  }
  const key = credentialApiKey(credential);
  return key.ok ? { apiKey: key.apiKey } : { refused: key.message };
}

/** Asks the model for a workflow and stores the suggestion, whatever came back. */
export async function draftWorkflow(actor: Actor, input: unknown): Promise<Outcome<DraftView>> {
  assertCanCreate(actor); // drafting is the first step of creating a workflow
  const parsed = draftRequestSchema.safeParse(input);
  if (!parsed.success) return { ...invalidInput(parsed.error, "Drafting"), errors: fieldErrors(parsed.error) };
  const request = parsed.data;
  const auth = await credentialAuth(actor, request.credentialId);
  if ("refused" in auth) return { ok: false, message: auth.refused, errors: { credentialId: [auth.refused] } };
  const resolved = resolveModel({ provider: request.provider, model: request.model, baseUrl: request.baseUrl || undefined, ...auth });

  const started = performance.now();
  const where = `${AI_PROVIDER_SHORT[request.provider]} (model "${request.model}")`;
  // A refused key, a 5xx or a timeout: said the way the AI step says it (lib/ai/errors.ts).
  const answer = await askForWorkflow(resolved, request.prompt, AbortSignal.timeout(DRAFT_TIMEOUT_MS)).catch((error: unknown) => ({
    ok: false as const,
    attempts: 1,
    usage: { inputTokens: 0, outputTokens: 0 },
    message: `The draft failed: ${classifyAiError(error, where, Date.now(), DRAFT_TIMEOUT_MS).error.message}`,
  }));
  const { cost, priced } = costOf(request.provider, request.model, answer.usage.inputTokens, answer.usage.outputTokens);
  const usage = { ...answer.usage, cost, priced, durationMs: Math.round(performance.now() - started) };
  const base = { prompt: request.prompt, provider: request.provider, model: request.model, createdBy: actor.id, attempts: answer.attempts, usage };

  if (!answer.ok) {
    // Kept too: what was asked, what went wrong and what it cost.
    await AiWorkflowSuggestion.create({ ...base, status: "failed", error: answer.message });
    return { ok: false, message: answer.message };
  }
  const graph = { nodes: answer.workflow.nodes, edges: answer.workflow.edges };
  const problems = validateWorkflow(graph);
  const notes = draftNotes(request.prompt);
  const name = answer.workflow.name?.trim() || "Drafted workflow";
  const description = answer.workflow.description?.trim() ?? "";
  const doc = await AiWorkflowSuggestion.create({
    ...base,
    status: "ready",
    suggestion: { name, description, ...encodeGraph(graph) },
    problems: problems.map(({ code, severity, message, nodeId, edgeId, path }) => ({ code, severity, message, nodeId, edgeId, path })),
    notes,
  });
  return {
    ok: true,
    suggestionId: String(doc._id),
    name,
    description,
    ...graph,
    problems,
    notes,
    attempts: answer.attempts,
    usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cost, priced },
  };
}

/** The actor's own suggestion, by _id; anyone else's reads as missing. */
async function ownSuggestion(actor: Actor, id: string): Promise<AiWorkflowSuggestionDoc> {
  const doc = isValidObjectId(id) ? await AiWorkflowSuggestion.findById(id).lean<AiWorkflowSuggestionDoc>() : null;
  if (!doc || String(doc.createdBy) !== actor.id) throw new PermissionError(NOT_FOUND);
  return doc;
}

/**
 * Opens a ready draft: a new unpublished workflow with every node marked "suggested" (laid out at
 * the browser's auto-layout positions when given), or — with workflowId — records that the
 * designer put it on that workflow's empty canvas (the browser's store holds it; autosave saves it).
 */
export async function openDraft(actor: Actor, input: unknown): Promise<Outcome<{ id: string }>> {
  const parsed = openDraftSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Opening the draft");
  const { suggestionId, positions, workflowId } = parsed.data;
  const doc = await ownSuggestion(actor, suggestionId);
  if (doc.status !== "ready") return { ok: false, message: "This draft failed, so there is nothing to open. Describe it again." };

  let id: string;
  if (workflowId) {
    await authorizedWorkflow(actor, workflowId, "workflow:edit");
    id = workflowId;
  } else {
    assertCanCreate(actor);
    if (doc.applied?.workflowId) return { ok: true, id: String(doc.applied.workflowId), message: "This draft was already opened." };
    const drafted = decodeGraph(doc.suggestion);
    const nodes = drafted.nodes.map((n) => ({ ...n, position: positions?.[n.id] ?? n.position, data: { ...n.data, suggested: true } }));
    const storable = toStorableGraph({ nodes, edges: drafted.edges });
    if (!storable.ok) return { ok: false, message: "The draft cannot be stored as a workflow.", problems: storable.problems, truncated: storable.truncated };
    id = await insertWorkflow(actor, { name: doc.suggestion?.name || "Drafted workflow", description: doc.suggestion?.description ?? "", tags: ["ai-draft"], graph: storable.graph });
  }
  await AiWorkflowSuggestion.updateOne({ _id: doc._id }, { $set: { "applied.workflowId": id, "applied.at": new Date() } });
  return { ok: true, id, message: "The draft is open: review each suggested step." };
}

/** What the canvas banner shows about a draft: its notes and the designer's vote. */
export async function draftInfo(actor: Actor, input: unknown): Promise<Outcome<{ notes: string[]; vote: "up" | "down" | null }>> {
  const parsed = openDraftSchema.pick({ suggestionId: true }).safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Reading the draft");
  const doc = await ownSuggestion(actor, parsed.data.suggestionId);
  return { ok: true, notes: doc.notes ?? [], vote: (doc.feedback?.vote as "up" | "down" | null | undefined) ?? null };
}

/** The designer's thumbs up or down (and comment) on a draft; the latest one counts. */
export async function rateDraft(actor: Actor, input: unknown): Promise<Outcome> {
  const parsed = draftFeedbackSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Feedback");
  const doc = await ownSuggestion(actor, parsed.data.suggestionId);
  await AiWorkflowSuggestion.updateOne(
    { _id: doc._id },
    { $set: { "feedback.vote": parsed.data.vote, "feedback.comment": parsed.data.comment ?? "", "feedback.at": new Date() } },
  );
  return { ok: true, message: "Thanks: your feedback is saved with the draft." };
}
