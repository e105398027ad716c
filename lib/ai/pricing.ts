// What an AI call costs: US dollars per million input and output tokens, from the providers'
// public price lists (checked 2026-11; prices change, so edit this table when they do). A
// model that is not listed costs 0 and is flagged `priced: false`, so dashboards can say
// "cost unknown" instead of pretending it was free.

export interface ModelPrice {
  /** The model id, or the start of one: "gpt-4o" also prices "gpt-4o-2024-08-06". */
  model: string;
  /** The provider the price was set for (admin table rows); a row of the same provider wins a tie. */
  provider?: string;
  /** $ per 1M input (prompt) tokens. */
  input: number;
  /** $ per 1M output (completion) tokens. */
  output: number;
}

export const PRICES: readonly ModelPrice[] = [
  // OpenAI
  { model: "gpt-5", input: 1.25, output: 10 },
  { model: "gpt-5-mini", input: 0.25, output: 2 },
  { model: "gpt-5-nano", input: 0.05, output: 0.4 },
  { model: "gpt-4.1", input: 2, output: 8 },
  { model: "gpt-4.1-mini", input: 0.4, output: 1.6 },
  { model: "gpt-4.1-nano", input: 0.1, output: 0.4 },
  { model: "gpt-4o", input: 2.5, output: 10 },
  { model: "gpt-4o-mini", input: 0.15, output: 0.6 },
  { model: "o3", input: 2, output: 8 },
  { model: "o3-mini", input: 1.1, output: 4.4 },
  { model: "o4-mini", input: 1.1, output: 4.4 },
  // Google Gemini (prompts up to 200k tokens)
  { model: "gemini-2.5-pro", input: 1.25, output: 10 },
  { model: "gemini-2.5-flash", input: 0.3, output: 2.5 },
  { model: "gemini-2.5-flash-lite", input: 0.1, output: 0.4 },
  { model: "gemini-2.0-flash", input: 0.1, output: 0.4 },
  // Groq
  { model: "llama-3.3-70b-versatile", input: 0.59, output: 0.79 },
  { model: "llama-3.1-8b-instant", input: 0.05, output: 0.08 },
  // Perplexity (token prices only; request fees are not included)
  { model: "sonar", input: 1, output: 1 },
  { model: "sonar-pro", input: 3, output: 15 },
];

export interface PriceLookup {
  input: number;
  output: number;
  /** false when the model is not in the table: the cost is then 0 and unknown. */
  priced: boolean;
}

/** The simulated provider is offline and free, and says so. */
const FREE: PriceLookup = { input: 0, output: 0, priced: true };
const UNKNOWN: PriceLookup = { input: 0, output: 0, priced: false };

/**
 * Exact id first (the provider's own row before another's), then the longest listed id the model
 * starts with ("gpt-4o-mini-2024-07-18" → gpt-4o-mini). `table` is the admins' table
 * (lib/ai-models/price-table.ts) at run time; this file's PRICES where no database is at hand.
 */
export function priceOf(provider: string, model: string, table: readonly ModelPrice[] = PRICES): PriceLookup {
  // "models/gemini-2.5-flash" and "openai/gpt-4o" (gateways) name the same models.
  const id = model.trim().toLowerCase().replace(/^.*\//, "");
  if (provider === "simulated") {
    // Free unless an admin priced it (Settings → AI models), e.g. to rehearse budgets offline.
    const own = table.find((p) => p.provider === "simulated" && p.model.toLowerCase() === id);
    return own ? { input: own.input, output: own.output, priced: true } : FREE;
  }
  let exact: ModelPrice | undefined;
  let best: ModelPrice | undefined;
  for (const price of table) {
    const listed = price.model.toLowerCase();
    if (id === listed) {
      if (!exact || price.provider === provider) exact = price;
      continue;
    }
    const prefix = id.startsWith(`${listed}-`) || id.startsWith(`${listed}:`);
    if (prefix && (!best || listed.length > best.model.length || (listed.length === best.model.length && price.provider === provider))) best = price;
  }
  const found = exact ?? best;
  return found ? { input: found.input, output: found.output, priced: true } : UNKNOWN;
}

export interface Cost {
  /** US dollars, rounded to a millionth of a dollar. */
  cost: number;
  priced: boolean;
}

export function costOf(provider: string, model: string, inputTokens: number, outputTokens: number, table?: readonly ModelPrice[]): Cost {
  const price = priceOf(provider, model, table);
  const dollars = (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
  return { cost: Math.round(dollars * 1_000_000) / 1_000_000, priced: price.priced };
}
