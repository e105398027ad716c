"use server";
// Managing AI models and prices: admins only ("settings:manage", checked by the guard and again by
// the service through `can`); arguments are parsed by the schema the form uses.
import { revalidatePath } from "next/cache";
import { guardAction, type ActionRefusal } from "@/lib/auth/action-guard";
import { saveAiModel, setAiModelEnabled, type AiModelSaveResult } from "@/lib/ai-models/service";
import { offeredModels } from "@/lib/ai-models/store";

export async function saveAiModelAction(input: unknown): Promise<AiModelSaveResult | ActionRefusal> {
  return guardAction(
    "settings:manage",
    async (actor) => {
      const result = await saveAiModel(actor, input);
      if (result.ok) revalidatePath("/settings/ai-models");
      return result;
    },
    "ai-models",
  );
}

export async function setAiModelEnabledAction(input: unknown): Promise<AiModelSaveResult | ActionRefusal> {
  return guardAction(
    "settings:manage",
    async (actor) => {
      const result = await setAiModelEnabled(actor, input);
      if (result.ok) revalidatePath("/settings/ai-models");
      return result;
    },
    "ai-models",
  );
}

/** The enabled models by provider, for the AI steps' model lists on the canvas (anyone who may see workflows). */
export async function offeredAiModelsAction(): Promise<Record<string, string[]> | ActionRefusal> {
  return guardAction("workflows:view", () => offeredModels(), "ai-models");
}
