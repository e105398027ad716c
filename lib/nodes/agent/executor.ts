// The agent step: renders the system prompt and the goal, gathers the tools (tools.ts), runs
// the loop (loop.ts) within the step's limits, and returns the answer (text, or JSON checked
// against the schema) with what it took. Each model call and tool call is already on the run's
// transcript and AI usage by then. A model call that fails like an HTTP call (429, 5xx, network)
// is a retryable step error; a limit reached or an answer that stays invalid is not.
import "server-only";
import type { NodeExecutor, StepResult } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { classifyAiError } from "@/lib/ai/errors";
import { parseOutputSchema } from "@/lib/ai/output-schema";
import { refuse, stepModel } from "../ai/model-auth";
import { gateAiSpend } from "@/lib/ai/budget/gate";
import { callCeiling } from "@/lib/ai/budget/estimate";
import { priceOf } from "@/lib/ai/pricing";
import { priceTable } from "@/lib/ai-models/store";
import type { AgentConfig } from "./definition";
import { runAgentLoop, type LoopInput, type LoopResult } from "./loop";
import { buildTools } from "./tools";

type Services = Pick<RuntimeServices, "run" | "runs" | "credentials" | "secrets" | "tasks">;

function seconds(ms: number): string {
  return ms % 1_000 === 0 ? `${ms / 1_000} s` : `${ms} ms`;
}

export const agentExecutor: NodeExecutor<Services> = async (ctx) => {
  const config = ctx.config as AgentConfig;
  const goal = await ctx.expressions.render(config.goal, { path: "goal", label: "the goal" });
  if (goal.trim() === "") return refuse("the goal is empty after filling in its placeholders", "empty_goal", "goal");
  let system = await ctx.expressions.render(config.systemPrompt, { path: "systemPrompt", label: "the system prompt" });

  let json: LoopInput["json"];
  if (config.outputMode === "json") {
    const parsed = parseOutputSchema(config.jsonSchema);
    if (!parsed.ok) return refuse(parsed.message, "bad_schema", "jsonSchema");
    json = { schema: parsed.schema, validator: parsed.validator };
    // Also said in words: servers that ignore the response format still see the schema.
    system = `${system}\n\nWhen you give your final answer, answer only with JSON that follows this JSON Schema:\n${JSON.stringify(parsed.schema)}`.trim();
  }
  const chosen = await stepModel(ctx, config);
  if (!chosen.ok) return chosen.result;
  const { resolved, where } = chosen;

  // Prices from Settings → AI models. The budget gate looks once, before the first call, at the
  // most the step may spend (its token budget spent as output): pausing between two calls would
  // lose the conversation, and a step that is approved runs again from its start.
  const prices = await priceTable();
  const paused = await gateAiSpend(ctx, callCeiling(system.length + goal.length, config.maxTokens, priceOf(config.provider, config.model, prices)));
  if (paused) return paused;

  const timeout = AbortSignal.timeout(config.timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  const built = await buildTools({ ...ctx, signal }, config);
  if (!built.ok) return built.result;
  let outcome: LoopResult;
  try {
    outcome = await runAgentLoop({
      model: resolved.model,
      providerOptions: resolved.providerOptions,
      provider: config.provider,
      modelId: config.model,
      where,
      system,
      goal,
      tools: built.set.tools,
      maxToolCalls: config.maxToolCalls,
      maxTokens: config.maxTokens,
      prices,
      json,
      signal,
      recordEntry: ctx.services.run.recordAgentEntry,
      recordUsage: ctx.services.run.recordAiUsage,
      log: ctx.services.run.log,
    });
  } catch (thrown) {
    // A tool that throws while the step is being stopped: the same as a stopped model call.
    outcome = { ok: false, thrown, totals: { turns: 0, toolCalls: 0, inputTokens: 0, outputTokens: 0, cost: 0 } };
  } finally {
    await built.set.close();
  }

  if (outcome.ok) {
    const { totals } = outcome;
    const output = {
      ...(json ? { object: outcome.object } : { text: outcome.text }),
      provider: config.provider,
      model: config.model,
      turns: totals.turns,
      toolCalls: totals.toolCalls,
      usage: { inputTokens: totals.inputTokens, outputTokens: totals.outputTokens, cost: totals.cost },
      ...(outcome.stoppedAtToolLimit ? { stoppedAtToolLimit: true } : {}),
    };
    return { kind: "ok", output };
  }
  if ("error" in outcome) {
    ctx.services.run.log(outcome.error.message);
    return { kind: "error", retryable: false, error: outcome.error };
  }
  return failure(outcome.thrown, { ctx, where, timeout, timeoutMs: config.timeoutMs });
};

function failure(thrown: unknown, at: { ctx: Parameters<NodeExecutor<Services>>[0]; where: string; timeout: AbortSignal; timeoutMs: number }): StepResult {
  const { ctx, where, timeout, timeoutMs } = at;
  if (ctx.signal.aborted) return { kind: "error", retryable: false, error: { message: `${where} was stopped: the step was cancelled or ran out of time`, code: "aborted" } };
  if (timeout.aborted) {
    const message = `the agent did not finish within its time limit of ${seconds(timeoutMs)}`;
    ctx.services.run.log(message);
    return { kind: "error", retryable: false, error: { message, code: "time_limit" } };
  }
  const classified = classifyAiError(thrown, where, ctx.now, timeoutMs);
  ctx.services.run.log(classified.error.message);
  return { kind: "error", error: classified.error, retryable: classified.retryable, ...(classified.retryAfterMs !== undefined ? { retryAfterMs: classified.retryAfterMs } : {}) };
}
