import "server-only";
// The ai_models collection as the rest of the app needs it: seeded on first use, listed whole
// (tens of rows), and kept in each process for 30 s so an AI step prices its call without a
// read. A save in this process clears the copy at once; other processes (workers) see an
// admin's change within the 30 s. When no database is connected (executor tests with fake
// services), the built-in table applies.
import mongoose from "mongoose";
import type { ModelPrice } from "@/lib/ai/pricing";
import { PRICES } from "@/lib/ai/pricing";
import { insertIgnoringDuplicates } from "@/lib/rollups/write";
import { AiModel } from "@/models/AiModel";
import type { AiModelRow } from "./schema";
import { seedRows } from "./seed";

const TTL_MS = 30_000;

interface Cache {
  seeded: Promise<void> | null;
  rows: AiModelRow[] | null;
  at: number;
}
const holder = globalThis as unknown as { __switchyardAiModels?: Cache };
const cache = (holder.__switchyardAiModels ??= { seeded: null, rows: null, at: 0 });

/**
 * Inserts the built-in rows that are missing, once per process (`again`: once more, e.g. a
 * test proving it is idempotent); a taken _id (an admin's edit) is left alone.
 */
export function ensureSeeded(options: { again?: boolean } = {}): Promise<void> {
  if (options.again) cache.seeded = null;
  cache.seeded ??= insertIgnoringDuplicates(
    AiModel,
    seedRows().map(({ id, ...row }) => ({ _id: id, ...row, updatedBy: "seed" })),
  ).catch((error: unknown) => {
    cache.seeded = null;
    throw error;
  });
  return cache.seeded;
}

const str = (x: unknown) => (typeof x === "string" ? x : "");
const priceOrNull = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : null);

function rowOf(doc: Record<string, unknown>): AiModelRow {
  return {
    id: str(doc._id),
    name: str(doc.name),
    provider: str(doc.provider) as AiModelRow["provider"],
    modelId: str(doc.modelId),
    inputPerMillion: priceOrNull(doc.inputPerMillion),
    outputPerMillion: priceOrNull(doc.outputPerMillion),
    enabled: doc.enabled !== false,
  };
}

/** Every model, by provider then name; `fresh` skips the process copy (the settings page). */
export async function listAiModels(options: { fresh?: boolean } = {}): Promise<AiModelRow[]> {
  if (!options.fresh && cache.rows && Date.now() - cache.at < TTL_MS) return cache.rows;
  await ensureSeeded();
  const docs = await AiModel.find({}).lean<Record<string, unknown>[]>();
  const rows = docs.map(rowOf).sort((a, b) => a.provider.localeCompare(b.provider) || a.name.localeCompare(b.name));
  cache.rows = rows;
  cache.at = Date.now();
  return rows;
}

/** After a save in this process: the next read goes to the database. */
export function forgetAiModels(): void {
  cache.rows = null;
}

/** The enabled models by provider, for the AI steps' model lists. */
export async function offeredModels(): Promise<Record<string, string[]>> {
  const offered: Record<string, string[]> = {};
  for (const row of await listAiModels()) if (row.enabled) (offered[row.provider] ??= []).push(row.modelId);
  return offered;
}

/**
 * The price table the runtime uses (lib/ai/pricing.ts costOf): the rows with a known price.
 * Without a connected database (a test with fake services) or when it cannot be read, the
 * built-in table, so a step is never failed for want of a price.
 */
export async function priceTable(): Promise<readonly ModelPrice[]> {
  if (mongoose.connection.readyState !== 1) return PRICES;
  try {
    const rows = await listAiModels();
    return rows
      .filter((r) => r.inputPerMillion !== null && r.outputPerMillion !== null)
      .map((r) => ({ model: r.modelId, provider: r.provider, input: r.inputPerMillion!, output: r.outputPerMillion! }));
  } catch (error) {
    console.error("[ai-models] reading the price table failed; using the built-in one:", error);
    return PRICES;
  }
}
