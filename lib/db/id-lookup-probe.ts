// Times reads and updates by _id in one collection as it grows: the proof that the embedded
// database's _id index is used (lib/db/ferretdb.mjs, ID_INDEX_PATCH). On FerretDB's stock SQLite
// build every lookup by _id scans the table, so its time grows with the collection; with the
// index it stays flat. Used by lib/db/id-index.int.test.ts and scripts/bench-db-id.ts.
import type { Collection, Db } from "mongodb";

interface ProbeDoc {
  _id: string;
  n: number;
  label: string;
  tags: string[];
  at: Date;
}

export interface LookupFigures {
  size: number;
  /** Median ms of one findOne({ _id }). */
  findMs: number;
  /** Median ms of one updateOne({ _id }, { $set }). */
  updateMs: number;
}

const idOf = (i: number) => `doc:${String(i).padStart(8, "0")}`;

function doc(i: number): ProbeDoc {
  return { _id: idOf(i), n: i, label: `document number ${i} of the probe, with some text to give it a realistic size`, tags: ["a", "b", String(i % 7)], at: new Date() };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Fills the collection up to `size` documents with insertMany batches. */
export async function growTo(collection: Collection<ProbeDoc>, from: number, size: number, batch = 5_000): Promise<void> {
  for (let start = from; start < size; start += batch) {
    const docs = Array.from({ length: Math.min(batch, size - start) }, (_, k) => doc(start + k));
    await collection.insertMany(docs, { ordered: false });
  }
}

/** Median times of `samples` finds and updates of ids spread over the whole collection. */
export async function timeLookups(collection: Collection<ProbeDoc>, size: number, samples = 25): Promise<LookupFigures> {
  const ids = Array.from({ length: samples }, (_, k) => idOf(Math.floor(((k + 0.5) * size) / samples)));
  await collection.findOne({ _id: ids[0] }); // warm the connection and the page cache
  const finds: number[] = [];
  const updates: number[] = [];
  for (const [k, id] of ids.entries()) {
    let t = performance.now();
    const found = await collection.findOne({ _id: id });
    finds.push(performance.now() - t);
    if (!found) throw new Error(`the probe lost document ${id}`);
    t = performance.now();
    const res = await collection.updateOne({ _id: id }, { $set: { label: `updated ${k}` } });
    updates.push(performance.now() - t);
    if (res.matchedCount !== 1) throw new Error(`the update of ${id} matched ${res.matchedCount} documents`);
  }
  return { size, findMs: median(finds), updateMs: median(updates) };
}

/** Figures at each size, growing one collection from empty. */
export async function probeIdLookups(db: Db, sizes: readonly number[], name = "id_probe"): Promise<LookupFigures[]> {
  const collection = db.collection<ProbeDoc>(name);
  await collection.drop().catch(() => {});
  const figures: LookupFigures[] = [];
  let size = 0;
  for (const target of sizes) {
    await growTo(collection, size, target);
    size = target;
    figures.push(await timeLookups(collection, size));
  }
  await collection.drop().catch(() => {});
  return figures;
}
