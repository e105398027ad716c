import "server-only";
// Managing the AI models admins offer: list, add, edit, enable or disable. Every function checks
// "settings:manage" with `can` itself, so every caller (server action, test, script) is covered.
// A model is never deleted: past runs name it, and disabling takes it out of the lists.
import { z } from "zod";
import { can, type Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { AiModel } from "@/models/AiModel";
import { modelMismatch } from "@/lib/ai/models";
import { modelKey, saveAiModelSchema, setAiModelEnabledSchema, type AiModelRow } from "./schema";
import { ensureSeeded, forgetAiModels, listAiModels } from "./store";

const ONLY_ADMINS = "Only admins can change the AI models and their prices.";

export type AiModelSaveResult =
  | { ok: true; message: string; model: AiModelRow }
  | { ok: false; message: string; errors?: Record<string, string[]> };

/** Admins only; and the built-in rows exist before anything is read or changed by _id. */
async function requireAdmin(actor: Actor): Promise<void> {
  if (!can(actor, "settings:manage")) throw new PermissionError(ONLY_ADMINS);
  await ensureSeeded();
}

/** The settings page's list: admins only, read afresh. */
export async function aiModelsFor(actor: Actor): Promise<AiModelRow[]> {
  await requireAdmin(actor);
  return listAiModels({ fresh: true });
}

function refusal(error: z.ZodError): AiModelSaveResult {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    // Form fields sit under "model"; anything else (the mode, the id) is said in the message.
    const field = issue.path[0] === "model" ? String(issue.path[1] ?? "form") : "form";
    (errors[field] ??= []).push(issue.message);
  }
  const general = errors.form;
  return { ok: false, message: general ? `The model was refused: ${general.join("; ")}` : "Check the highlighted fields.", errors };
}

export async function saveAiModel(actor: Actor, input: unknown): Promise<AiModelSaveResult> {
  await requireAdmin(actor);
  const parsed = saveAiModelSchema.safeParse(input);
  if (!parsed.success) return refusal(parsed.error);
  const { model } = parsed.data;
  const mismatch = modelMismatch(model.provider, model.modelId);
  if (mismatch) return { ok: false, message: "Check the highlighted fields.", errors: { modelId: [mismatch] } };
  const fields = { name: model.name, inputPerMillion: model.inputPerMillion, outputPerMillion: model.outputPerMillion, enabled: model.enabled, updatedBy: actor.id };

  let id: string;
  if (parsed.data.mode === "create") {
    id = modelKey(model.provider, model.modelId);
    try {
      await AiModel.create({ _id: id, provider: model.provider, modelId: model.modelId, ...fields });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return { ok: false, message: "Check the highlighted fields.", errors: { modelId: [`${model.provider} already has a model "${model.modelId}"; edit that one instead`] } };
    }
  } else {
    id = parsed.data.id;
    const existing = await AiModel.findById(id, { provider: 1, modelId: 1 }).lean();
    if (!existing) return { ok: false, message: "That model does not exist any more; reload the page." };
    if (existing.provider !== model.provider || existing.modelId !== model.modelId) {
      return { ok: false, message: "A model's provider and id cannot change (past runs name them); add a new model instead.", errors: { modelId: ["Cannot change; add a new model instead"] } };
    }
    await AiModel.updateOne({ _id: id }, { $set: fields });
  }
  forgetAiModels();
  const saved = (await listAiModels({ fresh: true })).find((r) => r.id === id)!;
  return { ok: true, message: parsed.data.mode === "create" ? `Added ${saved.name}.` : `Saved ${saved.name}.`, model: saved };
}

export async function setAiModelEnabled(actor: Actor, input: unknown): Promise<AiModelSaveResult> {
  await requireAdmin(actor);
  const parsed = setAiModelEnabledSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: `The change was refused: ${parsed.error.issues[0].message}` };
  const { id, enabled } = parsed.data;
  const result = await AiModel.updateOne({ _id: id }, { $set: { enabled, updatedBy: actor.id } });
  if (result.matchedCount === 0) return { ok: false, message: "That model does not exist any more; reload the page." };
  forgetAiModels();
  const saved = (await listAiModels({ fresh: true })).find((r) => r.id === id)!;
  return { ok: true, message: `${saved.name} is ${enabled ? "offered in AI steps again" : "no longer offered in AI steps"}.`, model: saved };
}
