// The AI cost estimate of a run, before it starts, and the ceiling of one call, before it is
// made. Pure: prices and past usage are handed in. A token is about four characters of English
// text (OpenAI's rule of thumb), so a prompt of n characters is ~n/4 input tokens.
import type { PriceLookup } from "@/lib/ai/pricing";
import type { AiStepShape } from "./ai-steps";

export const CHARS_PER_TOKEN = 4;

export const tokensOfChars = (chars: number) => Math.ceil(Math.max(0, chars) / CHARS_PER_TOKEN);

const dollars = (tokens: number, perMillion: number) => (tokens * perMillion) / 1_000_000;

/** The most one call can cost: its prompt at the input price and the whole output cap at the output price. */
export function callCeiling(promptChars: number, maxTokens: number, price: Pick<PriceLookup, "input" | "output">): number {
  return dollars(tokensOfChars(promptChars), price.input) + dollars(maxTokens, price.output);
}

export interface StepToEstimate {
  nodeId: string;
  title: string;
  shape: AiStepShape;
  price: PriceLookup;
  /** What this node cost in each recent run that called it (US dollars). */
  past: number[];
}

export interface StepEstimate {
  nodeId: string;
  title: string;
  lowUsd: number;
  highUsd: number;
  /** "history": from past runs; "prompt": from the prompt size and the output cap. */
  basis: "history" | "prompt";
  priced: boolean;
}

export interface RunEstimate {
  lowUsd: number;
  highUsd: number;
  steps: StepEstimate[];
  /** How many recent runs the estimate learned from. */
  pastRuns: number;
  /** "from 12 past runs", "from prompt size; no past runs", … */
  basis: string;
  /** Titles of steps whose model has no price: their cost is not in the range. */
  unpriced: string[];
}

/**
 * One step's range. With history: the cheapest and dearest recent run. Without: the prompt alone
 * (a one-token answer) to the prompt plus the full output cap, for each call it may make.
 */
export function estimateStep(step: StepToEstimate): StepEstimate {
  const base = { nodeId: step.nodeId, title: step.title, priced: step.price.priced };
  if (step.past.length > 0) return { ...base, lowUsd: Math.min(...step.past), highUsd: Math.max(...step.past), basis: "history" };
  const prompt = dollars(tokensOfChars(step.shape.promptChars), step.price.input);
  const low = prompt + dollars(1, step.price.output);
  const high = step.shape.maxCalls * callCeiling(step.shape.promptChars, step.shape.maxTokens, step.price);
  return { ...base, lowUsd: low, highUsd: high, basis: "prompt" };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function basisOf(steps: readonly StepEstimate[], pastRuns: number): string {
  if (steps.length === 0) return "no AI steps";
  const fresh = steps.filter((s) => s.basis === "prompt").length;
  if (pastRuns === 0 || fresh === steps.length) return pastRuns === 0 ? "from prompt size; no past runs" : `from prompt size; ${plural(pastRuns, "past run")} did not reach the AI steps`;
  if (fresh === 0) return `from ${plural(pastRuns, "past run")}`;
  return `from ${plural(pastRuns, "past run")}, and prompt size for ${plural(fresh, "step")} not run before`;
}

export function estimateRun(steps: readonly StepToEstimate[], pastRuns: number): RunEstimate {
  const estimates = steps.map(estimateStep);
  const priced = estimates.filter((s) => s.priced);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    lowUsd: round(priced.reduce((sum, s) => sum + s.lowUsd, 0)),
    highUsd: round(priced.reduce((sum, s) => sum + s.highUsd, 0)),
    steps: estimates,
    pastRuns,
    basis: basisOf(estimates, pastRuns),
    unpriced: estimates.filter((s) => !s.priced).map((s) => s.title),
  };
}
