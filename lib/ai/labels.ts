// How the AI providers are named to people. Pure, so the canvas can show the same words.
import type { aiProviders } from "@/lib/nodes/ai/model-config";

export type AiProviderId = (typeof aiProviders)[number];

export const AI_PROVIDER_LABELS: Record<AiProviderId, string> = {
  simulated: "Simulated (offline)",
  openai: "OpenAI",
  "openai-compatible": "OpenAI-compatible",
  gemini: "Google Gemini",
};

export const AI_PROVIDER_HINTS: Record<AiProviderId, string> = {
  simulated: "Answers offline with made-up but repeatable text or JSON; no key, no cost. For demos and tests.",
  openai: "Needs an API key credential.",
  "openai-compatible": "Any server speaking the OpenAI chat completions API at a base URL (Groq, Perplexity, Ollama, vLLM, LM Studio), e.g. http://localhost:11434/v1 for Ollama.",
  gemini: "Needs a Google AI Studio API key credential.",
};

/** Short names for log lines and error messages. */
export const AI_PROVIDER_SHORT: Record<AiProviderId, string> = {
  simulated: "the simulated model",
  openai: "OpenAI",
  "openai-compatible": "the OpenAI-compatible server",
  gemini: "Gemini",
};
