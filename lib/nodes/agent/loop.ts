// The agent loop, by hand rather than generateText's own multi-step loop: each model call is
// one generateText step, and the loop runs the tools itself. That way every model call and every
// tool call (valid or not) is timed and recorded as it happens, the limit counts tool calls
// (one model turn may ask for several), a call beyond the limit is answered instead of run, and
// the answer at the limit and the JSON repair are ordinary turns with the same bookkeeping.
import "server-only";
import { generateText, InvalidToolInputError, NoSuchToolError, ToolChoiceViolationError, wrapLanguageModel, type LanguageModel, type ModelMessage, type ToolResultPart } from "ai";
import type { z } from "zod";
import type { AgentTool } from "@/lib/ai/agent/tool";
import { costOf, type ModelPrice } from "@/lib/ai/pricing";
import type { StepError } from "@/lib/engine/state";
import type { AgentEntry, AiUsage } from "@/lib/runtime/services";
import { checkJsonAnswer } from "./answer";
import { jsonResponse, sdkTools } from "./model-tools";

/** What a tool's result may take of the model's context; the rest is cut with a note. */
export const TOOL_RESULT_CHARS = 16_000;
/** The most one model call may write, within what is left of the step's token budget. */
const MAX_OUTPUT_PER_CALL = 8_192;

export interface LoopInput {
  model: LanguageModel;
  providerOptions: Record<string, Record<string, boolean>>;
  provider: string;
  modelId: string;
  /** How messages name the model: `OpenAI (model "gpt-4o")`. */
  where: string;
  /** The admins' price table (Settings → AI models); the built-in one when absent. */
  prices?: readonly ModelPrice[];
  system: string;
  goal: string;
  tools: readonly AgentTool[];
  maxToolCalls: number;
  maxTokens: number;
  json?: { schema: Record<string, unknown>; validator: z.ZodType };
  signal: AbortSignal;
  recordEntry(entry: AgentEntry): void;
  recordUsage(usage: AiUsage): void;
  log(line: string): void;
}

export interface LoopTotals {
  turns: number;
  toolCalls: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
}

export type LoopResult =
  | { ok: true; text: string; object?: unknown; totals: LoopTotals; stoppedAtToolLimit: boolean }
  | { ok: false; error: StepError; totals: LoopTotals }
  /** The model call itself failed (network, 429, 5xx, bad key): the executor classifies it. */
  | { ok: false; thrown: unknown; totals: LoopTotals };

type Turn = "tools" | "final" | "repair";

function shownResult(value: unknown): unknown {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text === undefined || text.length <= TOOL_RESULT_CHARS) return value;
  return `${text.slice(0, TOOL_RESULT_CHARS)}… (cut: the result had ${text.length} characters; the agent sees the first ${TOOL_RESULT_CHARS})`;
}

function invalidCallMessage(error: unknown, name: string, tools: readonly AgentTool[]): string {
  if (NoSuchToolError.isInstance(error)) return `there is no tool called "${name}"; the tools are: ${tools.map((t) => t.name).join(", ") || "none"}`;
  if (InvalidToolInputError.isInstance(error)) {
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause ?? error.message);
    return cause.startsWith("the arguments") ? cause : `the arguments are not valid JSON or do not match the tool's parameters: ${cause}`;
  }
  return error instanceof Error ? error.message : String(error);
}

type RawUsage = { inputTokens: { total: number | undefined }; outputTokens: { total: number | undefined } };

/**
 * The model, remembering the usage of its last raw call: generateText throws on a call it
 * refuses (tools asked for while told not to), and that call's tokens were still spent.
 */
function metered(model: LanguageModel): { model: LanguageModel; last: () => RawUsage | undefined } {
  let last: RawUsage | undefined;
  if (typeof model !== "object" || model.specificationVersion !== "v3") return { model, last: () => undefined };
  const wrapped = wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: "v3",
      wrapGenerate: async ({ doGenerate }) => {
        last = undefined;
        const result = await doGenerate();
        last = result.usage;
        return result;
      },
    },
  });
  return { model: wrapped, last: () => last };
}

export async function runAgentLoop(input: LoopInput): Promise<LoopResult> {
  const totals: LoopTotals = { turns: 0, toolCalls: 0, inputTokens: 0, outputTokens: 0, cost: 0 };
  const messages: ModelMessage[] = [{ role: "user", content: input.goal }];
  const tools = sdkTools(input.tools);
  const byName = new Map(input.tools.map((t) => [t.name, t]));
  const hasTools = input.tools.length > 0;
  let next: Turn = "tools";
  let repaired = false;
  let stoppedAtToolLimit = false;
  const fail = (message: string, code: string): LoopResult => ({ ok: false, error: { message, code }, totals });
  const meter = metered(input.model);
  const limitReached = () => fail(`the agent used its ${input.maxToolCalls} tool calls and still asked for more instead of answering`, "tool_limit");

  /** Adds one model call's tokens and cost to the totals and the run's AI usage. */
  const spend = (inputTokens: number, outputTokens: number, durationMs: number) => {
    const { cost } = costOf(input.provider, input.modelId, inputTokens, outputTokens, input.prices);
    totals.inputTokens += inputTokens;
    totals.outputTokens += outputTokens;
    totals.cost = Math.round((totals.cost + cost) * 1_000_000) / 1_000_000;
    input.recordUsage({ provider: input.provider, model: input.modelId, inputTokens, outputTokens, cost, durationMs });
    return cost;
  };

  for (;;) {
    const spent = totals.inputTokens + totals.outputTokens;
    if (spent >= input.maxTokens) return fail(`the agent used ${spent} tokens, its limit of ${input.maxTokens}, before it reached an answer`, "token_limit");
    const turn = totals.turns + 1;
    const started = performance.now();
    let result: Awaited<ReturnType<typeof generateText>>;
    try {
      result = await generateText({
        model: meter.model,
        system: input.system,
        messages,
        ...(hasTools ? { tools, toolChoice: next === "tools" ? "auto" : "none" } : {}),
        maxOutputTokens: Math.min(MAX_OUTPUT_PER_CALL, input.maxTokens - spent),
        maxRetries: 0,
        abortSignal: input.signal,
        providerOptions: input.providerOptions,
        ...(input.json ? { output: jsonResponse(input.json.schema) } : {}),
      });
    } catch (thrown) {
      totals.turns = turn;
      const raw = meter.last();
      // A model that calls tools when told it may not: the limit is reached without an answer.
      if (ToolChoiceViolationError.isInstance(thrown)) {
        const durationMs = Math.round(performance.now() - started);
        const [inputTokens, outputTokens] = [raw?.inputTokens.total ?? 0, raw?.outputTokens.total ?? 0];
        const cost = spend(inputTokens, outputTokens, durationMs);
        const asked = thrown.content.flatMap((p) => (p.type === "tool-call" ? [{ callId: p.toolCallId, name: p.toolName }] : []));
        const text = thrown.content.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
        input.recordEntry({ kind: "model", turn, text, toolCalls: asked, finishReason: thrown.finishReason, provider: input.provider, model: input.modelId, inputTokens, outputTokens, cost, durationMs, ...(next !== "tools" ? { purpose: next } : {}) });
        return next === "repair" ? fail(`${input.where} asked for tools instead of repairing its JSON answer`, "invalid_json") : limitReached();
      }
      return { ok: false, thrown, totals };
    }
    totals.turns = turn;
    const durationMs = Math.round(performance.now() - started);
    const inputTokens = result.usage.inputTokens ?? 0;
    const outputTokens = result.usage.outputTokens ?? 0;
    const cost = spend(inputTokens, outputTokens, durationMs);
    const calls = result.toolCalls;
    input.recordEntry({
      kind: "model",
      turn,
      text: result.text,
      toolCalls: calls.map((c) => ({ callId: c.toolCallId, name: c.toolName })),
      finishReason: result.finishReason,
      provider: input.provider,
      model: input.modelId,
      inputTokens,
      outputTokens,
      cost,
      durationMs,
      ...(next !== "tools" ? { purpose: next } : {}),
    });
    input.log(`${input.where}, turn ${turn}: ${calls.length > 0 ? `asked for ${calls.map((c) => c.toolName).join(", ")}` : "answered"} (${inputTokens} tokens in, ${outputTokens} out, ${durationMs} ms)`);
    // The SDK answers invalid calls itself in a tool message; the loop answers every call in its own.
    messages.push(...result.response.messages.filter((m) => m.role === "assistant"));

    if (calls.length === 0) {
      if (!input.json) return { ok: true, text: result.text, totals, stoppedAtToolLimit };
      const checked = checkJsonAnswer(result.text, input.json.validator);
      if (checked.ok) return { ok: true, text: result.text, object: checked.value, totals, stoppedAtToolLimit };
      if (repaired) return fail(`${input.where} did not give valid JSON after one repair attempt: ${checked.problem}`, "invalid_json");
      repaired = true;
      input.log(`${input.where}: ${checked.problem}; asking once more`);
      messages.push({ role: "user", content: `Your answer cannot be used: ${checked.problem}. Answer again with only JSON that follows this JSON Schema:\n${JSON.stringify(input.json.schema)}` });
      next = "repair";
      continue;
    }
    if (next !== "tools") return next === "repair" ? fail(`${input.where} asked for tools instead of repairing its JSON answer`, "invalid_json") : limitReached();

    const ran = await runCalls(input, calls, turn, totals, byName);
    if (ran.overLimit) stoppedAtToolLimit = true;
    messages.push({ role: "tool", content: ran.results });
    if (totals.toolCalls >= input.maxToolCalls) {
      // The limit is reached: one more turn, without tools, for the best answer with what it has.
      stoppedAtToolLimit = true;
      messages.push({ role: "user", content: `You have used all ${input.maxToolCalls} tool calls this step allows. Answer now with what you have.` });
      next = "final";
    }
  }
}

/**
 * Runs the tools one turn asked for, in order, and answers each call: its result, or an error
 * the model reads (unknown tool, arguments that do not fit, a failing tool, a call past the limit).
 */
async function runCalls(
  input: LoopInput,
  calls: Awaited<ReturnType<typeof generateText>>["toolCalls"],
  turn: number,
  totals: LoopTotals,
  byName: ReadonlyMap<string, AgentTool>,
): Promise<{ results: ToolResultPart[]; overLimit: boolean }> {
  const results: ToolResultPart[] = [];
  let overLimit = false;
  for (const call of calls) {
    const toolStarted = performance.now();
    const base = { kind: "tool" as const, turn, callId: call.toolCallId, name: call.toolName, args: call.input };
    let outcome: { ok: true; value: unknown; meta?: Record<string, unknown> } | { ok: false; error: string; meta?: Record<string, unknown> };
    let source = byName.get(call.toolName)?.source ?? "unknown tool";
    if (totals.toolCalls >= input.maxToolCalls) {
      overLimit = true;
      outcome = { ok: false, error: `not run: this step allows at most ${input.maxToolCalls} tool calls` };
      source = "limit";
    } else if (call.invalid) {
      totals.toolCalls += 1;
      outcome = { ok: false, error: invalidCallMessage(call.error, call.toolName, input.tools) };
    } else {
      totals.toolCalls += 1;
      const agentTool = byName.get(call.toolName)!;
      try {
        const done = await agentTool.call((call.input ?? {}) as Record<string, unknown>, input.signal);
        outcome = done.ok ? { ok: true, value: shownResult(done.result), meta: done.meta } : { ok: false, error: done.error, meta: done.meta };
      } catch (error) {
        if (input.signal.aborted) throw error;
        outcome = { ok: false, error: `the tool failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    const toolMs = Math.round(performance.now() - toolStarted);
    input.recordEntry(outcome.ok ? { ...base, source, result: outcome.value, durationMs: toolMs, meta: outcome.meta } : { ...base, source, error: outcome.error, durationMs: toolMs, meta: outcome.meta });
    input.log(`tool ${call.toolName}: ${outcome.ok ? "ok" : outcome.error} (${toolMs} ms)`);
    results.push({
      type: "tool-result",
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      output: outcome.ok ? { type: "json", value: (outcome.value ?? null) as never } : { type: "error-text", value: outcome.error },
    });
  }
  return { results, overLimit };
}
