// The models each AI provider is known to serve, offered in the step's model field, and the
// check that a step's provider and model belong together. Pure, so the canvas, the server's
// publish check and the engine say the same thing. The lists follow lib/ai/pricing.ts; a model
// id that is not listed is still accepted (providers ship new models and fine-tuned ids), but one
// that belongs to ANOTHER provider — the simulator's "simulated" sent to OpenAI, a Gemini model
// sent to OpenAI — can only fail at run time, so it is refused while designing.
import type { AiProviderId } from "./labels";
import { AI_PROVIDER_LABELS } from "./labels";

export const KNOWN_MODELS: Record<AiProviderId, readonly string[]> = {
  simulated: ["simulated"],
  openai: ["gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "gpt-4o-mini", "o3", "o3-mini", "o4-mini"],
  // Examples only: such a server serves whatever it hosts (Groq, Perplexity, Ollama names).
  "openai-compatible": ["llama-3.3-70b-versatile", "llama-3.1-8b-instant", "sonar", "sonar-pro", "llama3.2", "qwen2.5", "mistral"],
  gemini: ["gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash"],
};

/** The model suggested first when a step switches to a provider. */
export const SUGGESTED_MODEL: Record<AiProviderId, string> = {
  simulated: "simulated",
  openai: "gpt-4o-mini",
  "openai-compatible": "llama3.2",
  gemini: "gemini-2.5-flash",
};

/** Providers that serve only their own models: another provider's model id cannot work there. */
const OWN_MODELS_ONLY: readonly AiProviderId[] = ["openai", "gemini"];

const bare = (model: string) => model.trim().toLowerCase().replace(/^.*\//, "");

/** The provider a model id is known to belong to (its own list, or the start of a listed id), if any. */
export function providerOfModel(model: string): AiProviderId | undefined {
  const id = bare(model);
  if (id === "simulated") return "simulated";
  for (const provider of OWN_MODELS_ONLY) {
    if (KNOWN_MODELS[provider].some((known) => id === known || id.startsWith(`${known}-`))) return provider;
  }
  return undefined;
}

export function isAiProvider(value: unknown): value is AiProviderId {
  return typeof value === "string" && Object.hasOwn(KNOWN_MODELS, value);
}

/**
 * Why this model cannot be used with this provider, or null when it can (or might: an unknown
 * id is the provider's to judge). The message says what to do instead.
 */
export function modelMismatch(provider: AiProviderId, model: string): string | null {
  if (model.trim() === "") return null; // "Model is required" is the schema's to say
  const owner = providerOfModel(model);
  if (!owner || owner === provider || provider === "simulated") return null;
  if (provider === "openai-compatible" && owner !== "simulated") return null; // gateways may serve them
  const what = provider === "openai-compatible" ? "a model your server serves" : `a model of ${AI_PROVIDER_LABELS[provider]}, e.g. ${SUGGESTED_MODEL[provider]}`;
  return `Model "${model.trim()}" belongs to ${AI_PROVIDER_LABELS[owner]}, not ${AI_PROVIDER_LABELS[provider]}: choose ${what}`;
}
