import { describe, expect, it } from "vitest";
import { aiStepShape } from "./ai-steps";
import { callCeiling, estimateRun, tokensOfChars, type StepToEstimate } from "./estimate";

const price = { input: 2, output: 10, priced: true }; // $ per million tokens
const shape = { provider: "openai", model: "gpt-x", promptChars: 4_000, maxTokens: 1_000, maxCalls: 1 };
const step = (over: Partial<StepToEstimate> = {}): StepToEstimate => ({ nodeId: "a", title: "Summarize", shape, price, past: [], ...over });

describe("the run cost estimate", () => {
  it("counts about four characters a token", () => {
    expect(tokensOfChars(0)).toBe(0);
    expect(tokensOfChars(4)).toBe(1);
    expect(tokensOfChars(5)).toBe(2);
  });

  it("caps one call at its prompt and the whole output limit", () => {
    // 1,000 prompt tokens × $2/M + 1,000 output tokens × $10/M
    expect(callCeiling(4_000, 1_000, price)).toBeCloseTo(0.002 + 0.01, 10);
  });

  it("without past runs: from the prompt alone up to prompt + output cap, and says so", () => {
    const e = estimateRun([step()], 0);
    expect(e.lowUsd).toBeCloseTo(0.002 + 0.00001, 8);
    expect(e.highUsd).toBeCloseTo(0.012, 8);
    expect(e.basis).toBe("from prompt size; no past runs");
    expect(e.steps[0].basis).toBe("prompt");
  });

  it("with past runs: the cheapest to the dearest run of each step, summed", () => {
    const e = estimateRun([step({ past: [0.01, 0.03, 0.02] }), step({ nodeId: "b", title: "Classify", past: [0.005] })], 3);
    expect(e.lowUsd).toBeCloseTo(0.015, 8);
    expect(e.highUsd).toBeCloseTo(0.035, 8);
    expect(e.basis).toBe("from 3 past runs");
  });

  it("mixes history and prompt size when a step is new, and leaves unpriced models out", () => {
    const e = estimateRun([step({ past: [0.01] }), step({ nodeId: "b", title: "New" }), step({ nodeId: "c", title: "Local", price: { input: 0, output: 0, priced: false } })], 1);
    expect(e.basis).toBe("from 1 past run, and prompt size for 2 steps not run before");
    expect(e.unpriced).toEqual(["Local"]);
    expect(e.highUsd).toBeCloseTo(0.01 + 0.012, 8);
  });

  it("reads an AI node's prompt size, cap and model; other nodes are not AI steps", () => {
    expect(aiStepShape("ai", { provider: "openai", model: "gpt-4o", systemPrompt: "abcd", promptTemplate: "efgh{{x}}", maxTokens: 300 })).toEqual({
      provider: "openai",
      model: "gpt-4o",
      promptChars: 13,
      maxTokens: 300,
      maxCalls: 1,
    });
    expect(aiStepShape("human", { titleTemplate: "x" })).toBeNull();
    expect(estimateRun([], 4).basis).toBe("no AI steps");
  });
});
