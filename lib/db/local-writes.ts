// Counts the writes this process makes through a model, so a cache that keeps a read for a
// moment (lib/triggers/webhook/hook-state.ts) sees this process's own changes at once: it keeps
// the count it saw when its read began and reads again once the count moved. Other processes'
// changes reach it when the cache's time is up.
import type { Schema } from "mongoose";

// On globalThis: Next.js bundles the instrumentation hook (which may compile a model first, and
// with it this middleware) apart from the route handlers that read the counts.
const holder = globalThis as unknown as { __switchyardLocalWrites?: Map<string, number> };
const counts = (holder.__switchyardLocalWrites ??= new Map<string, number>());

export function localWrites(model: string): number {
  return counts.get(model) ?? 0;
}

function count(model: string): void {
  counts.set(model, localWrites(model) + 1);
}

/** Mongoose middleware on every write path of the schema (documents, queries, insertMany). */
export function countLocalWrites(schema: Schema, model: string): void {
  schema.post("save", () => count(model));
  schema.post("insertMany", () => count(model));
  schema.post(
    ["updateOne", "updateMany", "findOneAndUpdate", "replaceOne", "deleteOne", "deleteMany", "findOneAndDelete", "findOneAndReplace"],
    { document: false, query: true },
    () => count(model),
  );
  schema.post("deleteOne", { document: true, query: false }, () => count(model));
}
