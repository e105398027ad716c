// The language model behind an AI step, through the Vercel AI SDK: OpenAI, any server that
// speaks the OpenAI chat completions API at a base URL, Google Gemini, or the offline simulator.
import "server-only";
import type { LanguageModel } from "ai";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import type { AiProviderId } from "./labels";
import { createSimulatedModel } from "./simulated";

export interface ModelRequest {
  provider: AiProviderId;
  model: string;
  baseUrl?: string;
  /** From the step's credential; without one, OpenAI and Gemini fall back to their usual environment variables. */
  apiKey?: string;
  headers?: Record<string, string>;
}

/** The model, and the provider options that keep a JSON schema from being refused for not being "strict". */
export interface ResolvedModel {
  model: LanguageModel;
  providerOptions: Record<string, Record<string, boolean>>;
}

const COMPATIBLE = "compatible";

export function resolveModel(request: ModelRequest): ResolvedModel {
  const { model, apiKey, headers } = request;
  const baseURL = request.baseUrl?.trim() || undefined;
  switch (request.provider) {
    case "simulated":
      return { model: createSimulatedModel(model), providerOptions: {} };
    case "openai":
      // The chat completions API: also what OpenAI-style gateways at another base URL serve.
      return {
        model: createOpenAI({ apiKey, baseURL, headers }).chat(model),
        providerOptions: { openai: { strictJsonSchema: false } },
      };
    case "openai-compatible":
      if (!baseURL) throw new Error("an OpenAI-compatible provider needs a base URL");
      return {
        // json_schema response format: served by Ollama, vLLM, LM Studio and Groq.
        model: createOpenAICompatible({ name: COMPATIBLE, baseURL, apiKey, headers, supportsStructuredOutputs: true }).chatModel(model),
        providerOptions: { [COMPATIBLE]: { strictJsonSchema: false } },
      };
    case "gemini":
      return { model: createGoogleGenerativeAI({ apiKey, baseURL, headers })(model), providerOptions: {} };
  }
}
