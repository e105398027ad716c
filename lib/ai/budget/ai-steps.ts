// Which node types call a model, and how to read a node's prompt size, output cap and model from
// its config, for the Run dialog's estimate. Pure. To estimate another AI-calling type (an
// "agent" step), add one entry: the estimate and its tests need nothing else.
import { isRecord } from "@/lib/nodes/fields";

export interface AiStepShape {
  provider: string;
  model: string;
  /** Characters of the prompt templates as written (placeholders counted as written). */
  promptChars: number;
  /** The output cap per call (maxTokens). */
  maxTokens: number;
  /** Model calls one activation may make at most (1 for the AI step; an agent's tool-call limit + 1). */
  maxCalls: number;
}

const text = (x: unknown) => (typeof x === "string" ? x : "");
const whole = (x: unknown, fallback: number) => (typeof x === "number" && Number.isFinite(x) && x > 0 ? x : fallback);

export const AI_STEP_SHAPES: Record<string, (config: unknown) => AiStepShape | null> = {
  ai: (config) => {
    if (!isRecord(config)) return null;
    return {
      provider: text(config.provider),
      model: text(config.model),
      promptChars: text(config.systemPrompt).length + text(config.promptTemplate).length,
      maxTokens: whole(config.maxTokens, 1_024),
      maxCalls: 1,
    };
  },
};

/** The shape of an AI-calling node, or null for any other node. */
export function aiStepShape(type: string, config: unknown): AiStepShape | null {
  return Object.hasOwn(AI_STEP_SHAPES, type) ? AI_STEP_SHAPES[type](config) : null;
}
