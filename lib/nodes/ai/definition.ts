// A call to a language model. "simulated" answers without a network or a key, so demos and
// tests run anywhere; the others go through the Vercel AI SDK in the executor.
import { z } from "zod";
import {
  choice,
  configObject,
  isRecord,
  isHttpUrl,
  optionalRef,
  optionalText,
  requiredTemplate,
  requiredText,
  template,
  wholeNumber,
} from "../fields";
import { expressionsAt } from "../expression-paths";
import { AI_PROVIDER_HINTS, AI_PROVIDER_LABELS } from "@/lib/ai/labels";
import { isAiProvider, KNOWN_MODELS, modelMismatch } from "@/lib/ai/models";
import { errorHandle, inputHandle } from "../handles";
import type { NodeDefinition } from "../types";

export const aiProviders = ["simulated", "openai", "openai-compatible", "gemini"] as const;
export const aiOutputModes = ["text", "json"] as const;

export const aiConfigSchema = configObject({
  provider: choice("Provider", aiProviders, { optionLabels: AI_PROVIDER_LABELS, optionHints: AI_PROVIDER_HINTS }),
  model: requiredText("Model", 200),
  baseUrl: optionalText("Base URL", 2_000)
    .refine((s) => isHttpUrl(s), { error: "Base URL must start with http:// or https://" })
    .optional(),
  credentialId: optionalRef("Credential"),
  systemPrompt: template("System prompt"),
  promptTemplate: requiredTemplate("Prompt"),
  temperature: z
    .number({ error: "Temperature must be a number" })
    .min(0, { error: "Temperature must be between 0 and 2" })
    .max(2, { error: "Temperature must be between 0 and 2" }),
  maxTokens: wholeNumber("Max tokens", 1, 200_000),
  outputMode: choice("Output", aiOutputModes, { optionLabels: { text: "Text", json: "JSON" } }),
  /** A JSON Schema (as text) the answer must follow; required when outputMode is "json". */
  jsonSchema: optionalText("JSON schema", 50_000).optional(),
  /** Override the executor's default time limit / the workflow's maxRetries when set. */
  timeoutMs: wholeNumber("Timeout", 1_000, 600_000, " ms").optional(),
  retries: wholeNumber("Retries", 0, 10).optional(),
}).superRefine((config, ctx) => {
  // Provider and model are checked together: "simulated" sent to OpenAI would fail only at run time.
  const mismatch = modelMismatch(config.provider, config.model);
  if (mismatch) ctx.addIssue({ code: "custom", path: ["model"], message: mismatch });
  if (config.provider === "openai-compatible" && !config.baseUrl) {
    ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "Base URL is required for an OpenAI-compatible provider" });
  }
  if (config.outputMode !== "json") return;
  const schema = config.jsonSchema ?? "";
  if (schema.trim() === "") {
    ctx.addIssue({ code: "custom", path: ["jsonSchema"], message: "JSON schema is required when the output is JSON" });
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(schema);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : "";
    ctx.addIssue({ code: "custom", path: ["jsonSchema"], message: `JSON schema is not valid JSON${detail}` });
    return;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    ctx.addIssue({ code: "custom", path: ["jsonSchema"], message: "JSON schema must be a JSON object" });
  }
});

export type AiConfig = z.infer<typeof aiConfigSchema>;

export const aiDefinition: NodeDefinition<typeof aiConfigSchema> = {
  type: "ai",
  label: "AI",
  description: "Asks a language model; the answer is text or JSON. Takes the error output when the call fails.",
  icon: "Sparkles",
  category: "ai",
  color: "#9333ea",
  configSchema: aiConfigSchema,
  // The prompt is left blank on purpose: only the designer knows what to ask.
  defaults: () => ({
    provider: "simulated",
    model: "simulated",
    systemPrompt: "You are a careful assistant in a business workflow. Answer briefly.",
    promptTemplate: "",
    // Low by default: workflows want repeatable answers more than creative ones.
    temperature: 0.2,
    maxTokens: 1_024,
    outputMode: "text",
  }),
  blankRequired: ["promptTemplate"],
  inputs: [inputHandle],
  outputs: () => [{ id: "out", label: "Answer" }, errorHandle],
  expressions: expressionsAt([
    { pattern: "systemPrompt", kind: "template" },
    { pattern: "promptTemplate", kind: "template" },
  ]),
  // The admins' enabled models when the canvas has them (Settings → AI models), else the built-in list.
  knownValues: (config, catalog): Record<string, readonly string[]> => {
    const provider = isRecord(config) ? config.provider : undefined;
    if (!isAiProvider(provider)) return {};
    // A provider missing from the catalog has no enabled model: nothing is offered (any id is still accepted).
    return { model: catalog?.aiModels ? (catalog.aiModels[provider] ?? []) : KNOWN_MODELS[provider] };
  },
};
