// Today's built-in table (lib/ai/models.ts for who serves what, lib/ai/pricing.ts for prices) as
// the rows the ai_models collection starts with. Pure: the store inserts them (never over an
// admin's edit, lib/ai-models/store.ts) and the canvas falls back to the same lists.
import { KNOWN_MODELS } from "@/lib/ai/models";
import { PRICES, priceOf } from "@/lib/ai/pricing";
import type { AiProviderId } from "@/lib/ai/labels";
import { modelKey, type AiModelRow } from "./schema";

export function seedRows(): AiModelRow[] {
  const rows: AiModelRow[] = [];
  for (const [provider, models] of Object.entries(KNOWN_MODELS) as [AiProviderId, readonly string[]][]) {
    for (const modelId of models) {
      // Only an exact entry of the table is a known price; "llama3.2" on a local server is not priced.
      const listed = provider === "simulated" || PRICES.some((p) => p.model === modelId);
      const price = priceOf(provider, modelId);
      rows.push({
        id: modelKey(provider, modelId),
        name: modelId,
        provider,
        modelId,
        inputPerMillion: listed ? price.input : null,
        outputPerMillion: listed ? price.output : null,
        enabled: true,
      });
    }
  }
  return rows;
}
