// How much model work a node may do, for the Run dialog's estimate: each AI-calling node type
// says it in its definition (`aiCalls`, lib/nodes/<type>/definition.ts). Pure.
import { getNodeDefinition } from "@/lib/nodes/registry";

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

/** The shape of an AI-calling node (its definition's `aiCalls`), or null for any other node. */
export function aiStepShape(type: string, config: unknown): AiStepShape | null {
  return getNodeDefinition(type)?.aiCalls?.(config) ?? null;
}
