import { describe, expect, it } from "vitest";
import { KNOWN_MODELS } from "@/lib/ai/models";
import { aiDefinition } from "./definition";

describe("the AI step's model list", () => {
  it("offers the admins' enabled models for the step's provider when the canvas has them", () => {
    const catalog = { aiModels: { openai: ["gpt-4o-mini", "gpt-9"] } };
    expect(aiDefinition.knownValues!({ provider: "openai", model: "x" }, catalog)).toEqual({ model: ["gpt-4o-mini", "gpt-9"] });
  });

  it("offers nothing for a provider whose models are all disabled; the built-in list without a catalog", () => {
    expect(aiDefinition.knownValues!({ provider: "gemini" }, { aiModels: { openai: ["gpt-9"] } })).toEqual({ model: [] });
    expect(aiDefinition.knownValues!({ provider: "openai" })).toEqual({ model: KNOWN_MODELS.openai });
    expect(aiDefinition.knownValues!({ provider: "nope" }, { aiModels: {} })).toEqual({});
  });
});
