// "Simulated (offline)": a real AI SDK language model (specification v3) that answers without
// a network or a key, for demos and tests. Deterministic: the same prompt gets the same answer.
// Token counts follow the usual ~4 characters per token; JSON mode returns a value that follows
// the requested JSON Schema; a short, prompt-dependent latency makes runs look like real ones.
import type { LanguageModel } from "ai";
import { sampleFromSchema } from "./schema-sample";
import { seeded, type Seeded } from "./seeded";
import { simulatedToolTurn } from "./simulated-tools";
import { DRAFT_MARKER, draftFromSentence } from "./draft/simulated-draft";

export type LanguageModelV3 = Extract<LanguageModel, { specificationVersion: "v3" }>;
type CallOptions = Parameters<LanguageModelV3["doGenerate"]>[0];
type GenerateResult = Awaited<ReturnType<LanguageModelV3["doGenerate"]>>;
type StreamResult = Awaited<ReturnType<LanguageModelV3["doStream"]>>;
type StreamPart = StreamResult["stream"] extends ReadableStream<infer P> ? P : never;

export const SIMULATED_PROVIDER_LABEL = "Simulated (offline)";

export interface SimulatedOptions {
  /** Milliseconds of pretend latency, [min, max]; [0, 0] for none. Default [40, 160]. */
  latencyMs?: [number, number];
}

/** ~4 characters per token, as for English text with the common tokenizers. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

function promptText(prompt: CallOptions["prompt"]): { system: string; user: string } {
  let system = "";
  let user = "";
  for (const message of prompt) {
    if (message.role === "system") system += `${message.content}\n`;
    else for (const part of message.content) if (part.type === "text") user += `${part.text}\n`;
  }
  return { system: system.trim(), user: user.trim() };
}

const STOP_WORDS = new Set(
  "the a an and or of for to in on with from this that these those is are was be it its as at by your you give say please".split(" "),
);
// Instructions, not subject matter: "Write a summary about X" is about X.
const INSTRUCTIONS = new Set("write classify summarize summarise describe explain list answer tell create draft generate make review check".split(" "));

/** A few telling words of the prompt ("solar panels homeowners"), for answers that read as replies to it. */
export function topicOf(user: string): string {
  const focus = /\babout\s+(.+)/is.exec(user)?.[1] ?? /:\s*(.+)/s.exec(user)?.[1] ?? user;
  const words = focus
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !INSTRUCTIONS.has(w));
  return words.slice(0, 4).join(" ");
}

const OPENERS = ["Here is a short answer.", "In brief:", "Summary:", "Based on the request:", "Short version:"];
const SENTENCES = [
  "The request about {topic} is clear and can go ahead as described.",
  "Nothing about {topic} stands out as unusual compared with similar cases.",
  "The main point is {topic}, and the details given are enough to act on.",
  "A reviewer may want to confirm the figures, but {topic} looks consistent.",
  "The next step for {topic} is to record the decision and tell the people involved.",
  "Given the information, {topic} fits the usual pattern.",
  "Costs and timing for {topic} look reasonable for its size.",
  "Two things matter most here: who is affected by {topic}, and by when.",
  "If anything changes, {topic} should be looked at again.",
  "Similar cases of {topic} were settled quickly in the past.",
];

function textAnswer(user: string, random: Seeded, maxTokens: number): { text: string; truncated: boolean } {
  const topic = topicOf(user) || "this request";
  const asked = /(\d{2,4})[- ]word/i.exec(user);
  const targetWords = Math.min(asked ? Number(asked[1]) : random.int(40, 90), 2_000);
  // Each sentence once, in a prompt-dependent order, before any repeats.
  const order = SENTENCES.map((sentence) => ({ sentence, key: random.next() })).sort((a, b) => a.key - b.key);
  const parts = [random.pick(OPENERS)];
  let words = parts[0].split(" ").length;
  for (let i = 0; words < targetWords; i++) {
    const sentence = order[i % order.length].sentence.replace("{topic}", topic);
    parts.push(sentence);
    words += sentence.split(" ").length;
  }
  const full = parts.join(" ");
  const maxChars = maxTokens * 4;
  return full.length > maxChars ? { text: full.slice(0, maxChars), truncated: true } : { text: full, truncated: false };
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function createSimulatedModel(modelId = "simulated", options: SimulatedOptions = {}): LanguageModelV3 {
  const [minLatency, maxLatency] = options.latencyMs ?? [40, 160];

  async function answer(call: CallOptions) {
    const { system, user } = promptText(call.prompt);
    const random = seeded(`${modelId}\u0000${system}\u0000${user}`);
    const json = call.responseFormat?.type === "json";
    // What the person asked, without the model's own earlier words.
    const asked = call.prompt.flatMap((m) => (m.role === "user" ? m.content.flatMap((p) => (p.type === "text" ? [p.text] : [])) : [])).join("\n");
    const toolTurn = simulatedToolTurn(call, asked, { random, topic: topicOf(asked) });
    let text: string;
    let truncated = false;
    if (json && system.includes(DRAFT_MARKER)) {
      text = JSON.stringify(draftFromSentence(user)); // a workflow drafted from the sentence (lib/ai/draft)
    } else if (toolTurn?.kind === "call") {
      text = toolTurn.thought;
    } else if (toolTurn && !json) {
      text = toolTurn.text;
    } else if (json) {
      const value = sampleFromSchema(call.responseFormat?.type === "json" ? call.responseFormat.schema : undefined, { random, topic: topicOf(user) });
      text = JSON.stringify(value);
    } else {
      ({ text, truncated } = textAnswer(user, random, call.maxOutputTokens ?? 1_024));
    }
    const inputTokens = estimateTokens(system) + estimateTokens(user) + 4;
    const toolCall = toolTurn?.kind === "call" ? { type: "tool-call" as const, toolCallId: toolTurn.toolCallId, toolName: toolTurn.toolName, input: toolTurn.input } : undefined;
    const outputTokens = estimateTokens(text) + (toolCall ? estimateTokens(toolCall.input) + 4 : 0);
    await wait(minLatency + Math.floor(random.next() * (maxLatency - minLatency + 1)), call.abortSignal);
    const finish = toolCall ? "tool-calls" : truncated ? "length" : "stop";
    return {
      text,
      toolCall,
      finishReason: { unified: finish, raw: finish } as GenerateResult["finishReason"],
      usage: {
        inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
      },
      warnings: [] as GenerateResult["warnings"],
    };
  }

  const id = () => `sim-${Math.random().toString(36).slice(2, 10)}`;

  return {
    specificationVersion: "v3",
    provider: "simulated",
    modelId,
    supportedUrls: {},
    async doGenerate(call): Promise<GenerateResult> {
      const a = await answer(call);
      return {
        content: [{ type: "text", text: a.text }, ...(a.toolCall ? [a.toolCall] : [])],
        finishReason: a.finishReason,
        usage: a.usage,
        warnings: a.warnings,
        response: { id: id(), modelId, timestamp: new Date() },
      };
    },
    async doStream(call): Promise<StreamResult> {
      const a = await answer(call);
      const textId = "text-0";
      const chunks = a.text.match(/.{1,24}/gs) ?? [];
      const parts: StreamPart[] = [
        { type: "stream-start", warnings: a.warnings },
        { type: "response-metadata", id: id(), modelId, timestamp: new Date() },
        { type: "text-start", id: textId },
        ...chunks.map((delta): StreamPart => ({ type: "text-delta", id: textId, delta })),
        { type: "text-end", id: textId },
        ...(a.toolCall ? [a.toolCall] : []),
        { type: "finish", finishReason: a.finishReason, usage: a.usage },
      ];
      const stream = new ReadableStream<StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      return { stream };
    },
  };
}
