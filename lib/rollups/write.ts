// Small write helpers for the roll-up collections.
import type { Model } from "mongoose";

const isDuplicate = (error: unknown) => {
  const e = error as { code?: number; writeErrors?: { code?: number }[] };
  if (e.code === 11000 && !e.writeErrors) return true;
  return Array.isArray(e.writeErrors) && e.writeErrors.length > 0 && e.writeErrors.every((w) => w.code === 11000);
};

/** Inserts the documents; those whose _id is already taken are left as they are. */
export async function insertIgnoringDuplicates<T>(model: Model<T>, docs: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 1_000) {
    try {
      await model.insertMany(docs.slice(i, i + 1_000), { ordered: false });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  }
}
