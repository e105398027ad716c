import { describe, expect, it } from "vitest";
import { costOf, priceOf } from "./pricing";

describe("the pricing table", () => {
  it("prices listed models per million tokens, by exact id or the longest listed prefix", () => {
    expect(costOf("openai", "gpt-4o", 1_000_000, 1_000_000)).toEqual({ cost: 12.5, priced: true });
    expect(priceOf("openai", "gpt-4o-mini-2024-07-18")).toEqual({ input: 0.15, output: 0.6, priced: true });
    expect(priceOf("openai", "gpt-4o-2024-08-06")).toMatchObject({ input: 2.5 });
    expect(priceOf("gemini", "models/gemini-2.5-flash")).toMatchObject({ input: 0.3, priced: true });
    expect(priceOf("openai-compatible", "llama-3.3-70b-versatile")).toMatchObject({ output: 0.79 });
  });

  it("gives unknown models a cost of 0, flagged as unpriced; the simulator is free and priced", () => {
    expect(costOf("openai-compatible", "my-local-llama", 5_000, 5_000)).toEqual({ cost: 0, priced: false });
    expect(priceOf("openai", "gpt-4oops")).toMatchObject({ priced: false });
    expect(costOf("simulated", "simulated", 5_000, 5_000)).toEqual({ cost: 0, priced: true });
  });

  it("rounds to a millionth of a dollar", () => {
    expect(costOf("openai", "gpt-4o-mini", 1, 1).cost).toBe(0.000001);
  });

  it("prices from an admin table when given one: the provider's own row first, the simulator only if priced there", () => {
    const table = [
      { model: "gpt-4o-mini", provider: "openai", input: 1, output: 2 },
      { model: "gpt-4o-mini", provider: "openai-compatible", input: 3, output: 4 },
      { model: "simulated", provider: "simulated", input: 100, output: 200 },
    ];
    expect(priceOf("openai-compatible", "gpt-4o-mini", table)).toEqual({ input: 3, output: 4, priced: true });
    expect(priceOf("openai", "gpt-4o-mini-2024-07-18", table)).toEqual({ input: 1, output: 2, priced: true });
    expect(costOf("simulated", "simulated", 10_000, 5_000, table)).toEqual({ cost: 2, priced: true });
    expect(priceOf("openai", "gpt-4o", table)).toMatchObject({ priced: false });
  });
});
