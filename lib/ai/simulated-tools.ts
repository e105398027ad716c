// Tool calling for the simulated provider, offline and deterministic, so agent steps work in
// demos and tests without a model. With tools offered and no tool result in the prompt yet, it
// calls the one tool whose name and description share the most words with the request, with
// arguments sampled from the tool's JSON Schema (schema-sample.ts) and filled with the request's
// words and numbers. Once a tool result is in the prompt, it answers using that result, unless
// the request names tools word for word ("use read_api_reference and convert_to_euros"): then
// it calls each named tool once, in the order named, and answers from all their results.
import type { LanguageModelV3FunctionTool, LanguageModelV3Prompt, LanguageModelV3ToolChoice } from "@ai-sdk/provider";
import { sampleFromSchema } from "./schema-sample";
import type { Seeded } from "./seeded";

export type SimulatedToolTurn = { kind: "call"; thought: string; toolCallId: string; toolName: string; input: string } | { kind: "answer"; text: string };

type Tools = readonly { type: string; name: string; description?: string; inputSchema?: unknown }[] | undefined;

const words = (text: string) =>
  text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2);

/** A crude stem, so "orders" matches "order" and "checking" matches "check". */
const stem = (w: string) => w.replace(/(ing|ed|es|s)$/, "");

/** The tool that shares the most words with the request; the first listed on a tie. */
export function chooseTool(tools: readonly LanguageModelV3FunctionTool[], request: string): LanguageModelV3FunctionTool | undefined {
  const wanted = new Set(words(request).map(stem));
  let best: LanguageModelV3FunctionTool | undefined;
  let bestScore = -1;
  for (const tool of tools) {
    const nameWords = words(tool.name).map(stem);
    const descWords = words(tool.description ?? "").map(stem);
    // A word of the tool's name counts twice: it says what the tool is for.
    const score = nameWords.filter((w) => wanted.has(w)).length * 2 + new Set(descWords.filter((w) => wanted.has(w))).size;
    if (score > bestScore) {
      best = tool;
      bestScore = score;
    }
  }
  return best;
}

/** Arguments from the schema, with the request's numbers in number fields and its topic in free-text fields. */
export function argumentsFor(schema: unknown, request: string, context: { random: Seeded; topic: string }): Record<string, unknown> {
  const sampled = sampleFromSchema(schema, context);
  const args = typeof sampled === "object" && sampled !== null && !Array.isArray(sampled) ? (sampled as Record<string, unknown>) : {};
  const properties = (schema as { properties?: Record<string, Record<string, unknown>> } | undefined)?.properties ?? {};
  const numbers = [...request.matchAll(/\b\d+(?:\.\d+)?\b/g)].map((m) => Number(m[0]));
  for (const [key, property] of Object.entries(properties)) {
    if (!property || "enum" in property || "const" in property || "format" in property) continue;
    if ((property.type === "integer" || property.type === "number") && numbers.length > 0) {
      const n = numbers.shift()!;
      if (property.type === "number" || Number.isInteger(n)) args[key] = n;
    } else if (property.type === "string" && context.topic && typeof property.pattern !== "string") {
      const max = typeof property.maxLength === "number" ? property.maxLength : Infinity;
      if (context.topic.length <= max) args[key] = context.topic;
    }
  }
  return args;
}

function resultText(output: unknown): { failed: boolean; text: string } {
  const o = output as { type?: string; value?: unknown } | undefined;
  const failed = o?.type === "error-text" || o?.type === "error-json";
  const value = o?.value;
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "nothing");
  return { failed, text: text.length > 300 ? `${text.slice(0, 300)}…` : text };
}

const NAME_CHAR = "A-Za-z0-9_-";

/** The offered tools the request names word for word, in the order it names them first. */
export function namedTools(tools: readonly LanguageModelV3FunctionTool[], request: string): LanguageModelV3FunctionTool[] {
  const at = (name: string) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?<![${NAME_CHAR}])${escaped}(?![${NAME_CHAR}])`).exec(request)?.index ?? -1;
  };
  return tools
    .map((tool) => ({ tool, index: at(tool.name) }))
    .filter((x) => x.index >= 0)
    .sort((a, b) => a.index - b.index)
    .map((x) => x.tool);
}

/** The answer after several tool calls: what each tool returned, in the order called. */
function combinedAnswer(results: readonly { toolName: string; output: unknown }[], topic: string): string {
  const parts = results.map((r) => {
    const { failed, text } = resultText(r.output);
    return failed ? `${r.toolName} failed: ${text}` : `${r.toolName} returned ${text}`;
  });
  return `I checked with ${results.map((r) => r.toolName).join(", ")}. ${parts.join("; ")}. That is what I found about ${topic || "the request"}.`;
}

/** What the simulated model does with tools this turn, or null when tools play no part. */
export function simulatedToolTurn(
  call: { prompt: LanguageModelV3Prompt; tools?: Tools; toolChoice?: LanguageModelV3ToolChoice },
  request: string,
  context: { random: Seeded; topic: string },
): SimulatedToolTurn | null {
  const results = call.prompt.flatMap((m) => (m.role === "tool" ? m.content.filter((p) => p.type === "tool-result") : []));
  const offered = (call.tools ?? []).filter((t): t is LanguageModelV3FunctionTool => t.type === "function");
  const choice = call.toolChoice?.type;
  // Tools the request names and the model has not called yet: each is called once before answering.
  const called = new Set(call.prompt.flatMap((m) => (m.role === "assistant" ? m.content.flatMap((p) => (p.type === "tool-call" ? [p.toolName] : [])) : [])));
  const next = choice === "none" || choice === "tool" ? undefined : namedTools(offered, request).find((t) => !called.has(t.name));
  if (results.length > 0 && !next) {
    if (results.length > 1) return { kind: "answer", text: combinedAnswer(results, context.topic) };
    const last = results[results.length - 1];
    const { failed, text } = resultText(last.output);
    const about = context.topic || "the request";
    return {
      kind: "answer",
      text: failed
        ? `I tried ${last.toolName}, but it failed: ${text}. Without it I cannot confirm ${about}; please check it another way.`
        : `I checked with ${last.toolName}. It returned ${text}. That is what I found about ${about}.`,
    };
  }
  if (offered.length === 0 || choice === "none") return null;
  const forced = choice === "tool" ? offered.find((t) => t.name === (call.toolChoice as { toolName: string }).toolName) : undefined;
  const tool = forced ?? next ?? chooseTool(offered, request);
  if (!tool) return null;
  const calls = call.prompt.flatMap((m) => (m.role === "assistant" ? m.content.filter((p) => p.type === "tool-call") : [])).length;
  const thought = `To answer this I will use ${tool.name}${tool.description ? ` (${tool.description.replace(/\.$/, "").toLowerCase()})` : ""}.`;
  return { kind: "call", thought, toolCallId: `sim-call-${calls + 1}`, toolName: tool.name, input: JSON.stringify(argumentsFor(tool.inputSchema, request, context)) };
}
