// The model settings the AI step and the agent step share: provider, model, base URL and
// credential, checked together, and the JSON output's schema. Pure, so the canvas, the
// publish check and the engine say the same thing for both steps.
import { z } from "zod";
import { choice, isHttpUrl, isRecord, optionalRef, optionalText, requiredText } from "../fields";
import { AI_PROVIDER_HINTS, AI_PROVIDER_LABELS } from "@/lib/ai/labels";
import { isAiProvider, KNOWN_MODELS, modelMismatch } from "@/lib/ai/models";
import type { KnownCatalog } from "../types";

export const aiProviders = ["simulated", "openai", "openai-compatible", "gemini"] as const;
export const aiOutputModes = ["text", "json"] as const;

/** Spread into a step's config shape. */
export const modelFields = {
  provider: choice("Provider", aiProviders, { optionLabels: AI_PROVIDER_LABELS, optionHints: AI_PROVIDER_HINTS }),
  model: requiredText("Model", 200),
  baseUrl: optionalText("Base URL", 2_000)
    .refine((s) => isHttpUrl(s), { error: "Base URL must start with http:// or https://" })
    .optional(),
  credentialId: optionalRef("Credential"),
};

/** The answer's form: text, or JSON following the schema given as text. */
export const outputFields = {
  outputMode: choice("Output", aiOutputModes, { optionLabels: { text: "Text", json: "JSON" } }),
  /** A JSON Schema (as text) the answer must follow; required when outputMode is "json". */
  jsonSchema: optionalText("JSON schema", 50_000).optional(),
};

type ModelConfig = { provider: (typeof aiProviders)[number]; model: string; baseUrl?: string };
type OutputConfig = { outputMode: (typeof aiOutputModes)[number]; jsonSchema?: string };

/** Provider and model are checked together: "simulated" sent to OpenAI would fail only at run time. */
export function checkModel(config: ModelConfig, ctx: z.RefinementCtx): void {
  const mismatch = modelMismatch(config.provider, config.model);
  if (mismatch) ctx.addIssue({ code: "custom", path: ["model"], message: mismatch });
  if (config.provider === "openai-compatible" && !config.baseUrl) {
    ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "Base URL is required for an OpenAI-compatible provider" });
  }
}

/** A JSON Schema given as text: its problem, or null when it parses to an object. */
export function jsonSchemaProblem(text: string, label = "JSON schema"): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : "";
    return `${label} is not valid JSON${detail}`;
  }
  return isRecord(parsed) ? null : `${label} must be a JSON object`;
}

export function checkOutput(config: OutputConfig, ctx: z.RefinementCtx): void {
  if (config.outputMode !== "json") return;
  const schema = config.jsonSchema ?? "";
  if (schema.trim() === "") {
    ctx.addIssue({ code: "custom", path: ["jsonSchema"], message: "JSON schema is required when the output is JSON" });
    return;
  }
  const problem = jsonSchemaProblem(schema);
  if (problem) ctx.addIssue({ code: "custom", path: ["jsonSchema"], message: problem });
}

/** The models offered for the chosen provider (NodeDefinition.knownValues). */
/** The admins' enabled models when the canvas has them (Settings → AI models), else the built-in list. */
export function modelKnownValues(config: unknown, catalog?: KnownCatalog): Record<string, readonly string[]> {
  const provider = isRecord(config) ? config.provider : undefined;
  if (!isAiProvider(provider)) return {};
  // A provider missing from the catalog has no enabled model: nothing is offered (any id is still accepted).
  return { model: catalog?.aiModels ? (catalog.aiModels[provider] ?? []) : KNOWN_MODELS[provider] };
}
