import { Claim } from "@/models/Claim";

/**
 * Claims `key` for exactly one caller among any number racing for it.
 *
 * Why not a conditional update such as updateOne({ _id, revision: n }): FerretDB 1.24 on
 * SQLite reads, changes and writes the document back in separate steps, so when 50 callers
 * race, several are told they matched (measured: 1–8 "winners" per round, last writer wins).
 * An insert of an already-taken _id fails atomically on FerretDB and on MongoDB alike, so the
 * one caller whose insert succeeds owns the key.
 *
 * A claim older than `staleAfterMs` is released on the next attempt: its owner died before
 * finishing, and callers must check the state they guard anyway (the conditional update after
 * the claim still names the revision it expects).
 */
export async function claimOnce(key: string, staleAfterMs = 30_000): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await Claim.create({ _id: key, at: new Date() });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const released = await Claim.deleteOne({ _id: key, at: { $lt: new Date(Date.now() - staleAfterMs) } });
      if (released.deletedCount === 0) return false;
    }
  }
  return false;
}

/** Forgets claims that are no longer needed, so the collection stays small. */
export async function releaseClaims(keys: string[]): Promise<void> {
  if (keys.length) await Claim.deleteMany({ _id: { $in: keys } });
}
