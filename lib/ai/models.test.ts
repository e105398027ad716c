import { describe, expect, it } from "vitest";
import { aiConfigSchema, aiDefinition } from "@/lib/nodes/ai/definition";
import { KNOWN_MODELS, modelMismatch, providerOfModel, SUGGESTED_MODEL } from "./models";
import { PRICES } from "./pricing";
import { AI_PROVIDER_LABELS } from "./labels";

describe("provider and model together", () => {
  it("knows whose model an id is, gateway prefixes and dated versions included", () => {
    expect(providerOfModel("simulated")).toBe("simulated");
    expect(providerOfModel("gpt-4o-mini-2024-07-18")).toBe("openai");
    expect(providerOfModel("models/gemini-2.5-flash")).toBe("gemini");
    expect(providerOfModel("llama3.2")).toBeUndefined();
    expect(providerOfModel("ft:my-own")).toBeUndefined();
  });

  it("refuses the simulator's model on a real provider, and another provider's model on OpenAI or Gemini", () => {
    expect(modelMismatch("openai", "simulated")).toBe('Model "simulated" belongs to Simulated (offline), not OpenAI: choose a model of OpenAI, e.g. gpt-4o-mini');
    expect(modelMismatch("gemini", "gpt-4o")).toMatch(/belongs to OpenAI, not Google Gemini: choose a model of Google Gemini, e.g. gemini-2.5-flash/);
    expect(modelMismatch("openai", "gemini-2.0-flash")).toMatch(/belongs to Google Gemini/);
    expect(modelMismatch("openai-compatible", "simulated")).toMatch(/choose a model your server serves/);
  });

  it("accepts a provider's own models, unknown ids (new or fine-tuned), and anything on the simulator", () => {
    for (const [provider, models] of Object.entries(KNOWN_MODELS) as [keyof typeof KNOWN_MODELS, readonly string[]][]) {
      for (const model of models) expect(modelMismatch(provider, model), `${provider} ${model}`).toBeNull();
    }
    expect(modelMismatch("openai", "ft:gpt-4o-mini:acme::abc")).toBeNull();
    expect(modelMismatch("openai-compatible", "gpt-4o")).toBeNull(); // a gateway may serve it
    expect(modelMismatch("simulated", "gpt-4o")).toBeNull();
    expect(modelMismatch("openai", "")).toBeNull(); // blank is the schema's "Model is required"
  });

  it("suggests, for each provider, a model that provider accepts", () => {
    for (const provider of Object.keys(AI_PROVIDER_LABELS) as (keyof typeof AI_PROVIDER_LABELS)[]) {
      expect(KNOWN_MODELS[provider]).toContain(SUGGESTED_MODEL[provider]);
      expect(modelMismatch(provider, SUGGESTED_MODEL[provider])).toBeNull();
    }
  });

  it("lists only priced models for OpenAI and Gemini, so the cost of a listed model is known", () => {
    const priced = new Set(PRICES.map((p) => p.model));
    for (const model of [...KNOWN_MODELS.openai, ...KNOWN_MODELS.gemini]) expect(priced.has(model), model).toBe(true);
  });
});

describe("the AI step's schema", () => {
  const valid = { ...aiDefinition.defaults(), promptTemplate: "Say hello" };

  it("reports a provider/model mismatch on the model field, as the canvas and the publish check show it", () => {
    const parsed = aiConfigSchema.safeParse({ ...valid, provider: "openai" });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((i) => i.path.join(".") === "model");
    expect(issue?.message).toMatch(/^Model "simulated" belongs to Simulated \(offline\), not OpenAI/);
  });

  it("accepts the defaults once the prompt is filled, and OpenAI with an OpenAI model", () => {
    expect(aiConfigSchema.safeParse(valid).success).toBe(true);
    expect(aiConfigSchema.safeParse({ ...valid, provider: "openai", model: "gpt-4o-mini" }).success).toBe(true);
  });

  it("offers the chosen provider's models in the model field", () => {
    expect(aiDefinition.knownValues?.({ ...valid, provider: "gemini" })).toEqual({ model: KNOWN_MODELS.gemini });
    expect(aiDefinition.knownValues?.({ provider: "nonsense" })).toEqual({});
  });
});
