// A call to a language model. "simulated" answers without a network or a key, so demos and
// tests run anywhere; the others go through the Vercel AI SDK in the executor.
import { z } from "zod";
import { configObject, isRecord, positiveOr, requiredTemplate, template, textOf, wholeNumber } from "../fields";
import { expressionsAt } from "../expression-paths";
import { errorHandle, inputHandle } from "../handles";
import type { NodeDefinition } from "../types";
import { aiOutputModes, aiProviders, checkModel, checkOutput, modelFields, modelKnownValues, outputFields } from "./model-config";

export { aiOutputModes, aiProviders };

export const aiConfigSchema = configObject({
  ...modelFields,
  systemPrompt: template("System prompt"),
  promptTemplate: requiredTemplate("Prompt"),
  temperature: z
    .number({ error: "Temperature must be a number" })
    .min(0, { error: "Temperature must be between 0 and 2" })
    .max(2, { error: "Temperature must be between 0 and 2" }),
  maxTokens: wholeNumber("Max tokens", 1, 200_000),
  ...outputFields,
  /** Override the executor's default time limit / the workflow's maxRetries when set. */
  timeoutMs: wholeNumber("Timeout", 1_000, 600_000, " ms").optional(),
  retries: wholeNumber("Retries", 0, 10).optional(),
}).superRefine((config, ctx) => {
  checkModel(config, ctx);
  checkOutput(config, ctx);
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
  knownValues: modelKnownValues,
  aiCalls: (config) =>
    isRecord(config)
      ? { provider: textOf(config.provider), model: textOf(config.model), promptChars: textOf(config.systemPrompt).length + textOf(config.promptTemplate).length, maxTokens: positiveOr(config.maxTokens, 1_024), maxCalls: 1 }
      : null,
};
