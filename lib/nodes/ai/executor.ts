// The AI step: one call to a language model through the AI SDK, text or JSON checked against
// the step's JSON Schema. Tokens and cost are recorded on the run (services.run.recordAiUsage)
// and returned with the answer. Failures follow the HTTP rule: 429/5xx/timeouts retry durably.
import "server-only";
import { generateText, NoObjectGeneratedError, Output } from "ai";
import type { NodeExecutor } from "@/lib/engine/executor";
import type { StepError } from "@/lib/engine/state";
import type { RuntimeServices } from "@/lib/runtime/services";
import { classifyAiError } from "@/lib/ai/errors";
import { costOf, priceOf } from "@/lib/ai/pricing";
import { priceTable } from "@/lib/ai-models/store";
import { gateAiSpend } from "@/lib/ai/budget/gate";
import { callCeiling } from "@/lib/ai/budget/estimate";
import { parseOutputSchema, type OutputSchema } from "@/lib/ai/output-schema";
import type { AiConfig } from "./definition";
import { refuse, stepModel } from "./model-auth";

type Services = Pick<RuntimeServices, "run" | "credentials" | "tasks">;

/** When the step sets no time limit of its own. */
export const AI_DEFAULT_TIMEOUT_MS = 120_000;

export const aiExecutor: NodeExecutor<Services> = async (ctx) => {
  const config = ctx.config as AiConfig;
  const system = await ctx.expressions.render(config.systemPrompt, { path: "systemPrompt", label: "the system prompt" });
  const prompt = await ctx.expressions.render(config.promptTemplate, { path: "promptTemplate", label: "the prompt" });
  if (prompt.trim() === "") return refuse("the prompt is empty after filling in its placeholders", "empty_prompt", "promptTemplate");

  let schema: Extract<OutputSchema, { ok: true }> | undefined;
  if (config.outputMode === "json") {
    const parsed = parseOutputSchema(config.jsonSchema);
    if (!parsed.ok) return refuse(parsed.message, "bad_schema", "jsonSchema");
    schema = parsed;
  }
  const chosen = await stepModel(ctx, config);
  if (!chosen.ok) return chosen.result;
  const { resolved, where } = chosen;

  // Prices from Settings → AI models; the budget gate may pause the step before it spends.
  const prices = await priceTable();
  const paused = await gateAiSpend(ctx, callCeiling(system.length + prompt.length, config.maxTokens, priceOf(config.provider, config.model, prices)));
  if (paused) return paused;
  const timeoutMs = config.timeoutMs ?? AI_DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const record = (inputTokens: number, outputTokens: number) => {
    const { cost, priced } = costOf(config.provider, config.model, inputTokens, outputTokens, prices);
    const durationMs = Math.round(performance.now() - started);
    ctx.services.run.recordAiUsage({ provider: config.provider, model: config.model, inputTokens, outputTokens, cost, durationMs });
    ctx.services.run.log(`${where}: ${inputTokens} tokens in, ${outputTokens} out, $${cost}${priced ? "" : " (price unknown)"}, ${durationMs} ms`);
    return { inputTokens, outputTokens, cost, priced };
  };

  try {
    const result = await generateText({
      model: resolved.model,
      // Also said in words: servers that ignore the response format still see the schema.
      system: schema ? `${system}\n\nAnswer only with JSON that follows this JSON Schema:\n${JSON.stringify(schema.schema)}`.trim() : system || undefined,
      prompt,
      temperature: config.temperature,
      maxOutputTokens: config.maxTokens,
      maxRetries: 0,
      abortSignal: AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]),
      providerOptions: resolved.providerOptions,
      ...(schema ? { output: Output.object({ schema: schema.aiSchema }) } : {}),
    });
    const usage = record(result.usage.inputTokens ?? 0, result.usage.outputTokens ?? 0);
    if (result.finishReason === "length") ctx.services.run.log(`${where} stopped at the ${config.maxTokens}-token limit; the answer may be cut short`);
    const common = { usage, model: config.model, provider: config.provider, finishReason: result.finishReason };
    return { kind: "ok", output: schema ? { object: result.output, ...common } : { text: result.text, ...common } };
  } catch (thrown) {
    if (ctx.signal.aborted) return { kind: "error", retryable: false, error: { message: `${where} was stopped: the step was cancelled or ran out of time`, code: "aborted" } };
    // A refused answer still cost its tokens.
    if (NoObjectGeneratedError.isInstance(thrown) && thrown.usage) record(thrown.usage.inputTokens ?? 0, thrown.usage.outputTokens ?? 0);
    const classified = classifyAiError(thrown, where, ctx.now, timeoutMs);
    ctx.services.run.log(classified.error.message);
    const error: StepError = classified.error;
    return { kind: "error", error, retryable: classified.retryable, ...(classified.retryAfterMs !== undefined ? { retryAfterMs: classified.retryAfterMs } : {}) };
  }
};
