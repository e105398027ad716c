// Group commit: inserts into one collection from many runs (or requests) at once go to the
// database as one insertMany. At most one batch per collection is in flight; documents that
// arrive meanwhile wait for it and go in the next one, so a lone writer pays no delay and a busy
// process sends few, large batches (on the embedded FerretDB an insertMany of 10 small documents
// costs about what two single inserts do). Each caller's promise settles only when the batch
// holding its document is acknowledged, with that document's own outcome: a duplicate `_id`
// (the exactly-once decisions of DESIGN.md) is reported to its caller alone, because the batch is
// unordered and the database decides uniqueness per document, atomically, as for insertOne.
import type { Collection, Document } from "mongodb";
import type { Model } from "mongoose";

export type InsertOutcome = "inserted" | "duplicate";

interface Pending {
  doc: Document;
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  waiting: Pending[];
  busy: boolean;
}

/** Documents per insertMany: keeps one batch well under the 48 MB message limit for run-sized documents. */
const MAX_BATCH = 256;

const lanes = new WeakMap<Collection<Document>, Lane>();

interface WriteErrorLike {
  index: number;
  code?: number;
  errmsg?: string;
}

function writeErrorsOf(error: unknown): WriteErrorLike[] | null {
  const raw = (error as { writeErrors?: WriteErrorLike[] | WriteErrorLike }).writeErrors;
  if (!raw) return null;
  return Array.isArray(raw) ? raw : [raw];
}

async function flush(collection: Collection<Document>, lane: Lane): Promise<void> {
  lane.busy = true;
  try {
    // Documents issued in the same turn of the event loop (several runs finishing together) share the first batch too.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await drain(collection, lane);
  } finally {
    lane.busy = false;
  }
}

async function drain(collection: Collection<Document>, lane: Lane): Promise<void> {
  while (lane.waiting.length > 0) {
    const batch = lane.waiting.splice(0, MAX_BATCH);
    try {
      await collection.insertMany(
        batch.map((p) => p.doc),
        { ordered: false },
      );
      for (const p of batch) p.resolve("inserted");
    } catch (error) {
      const writeErrors = writeErrorsOf(error);
      if (!writeErrors) {
        for (const p of batch) p.reject(error);
        continue;
      }
      const failed = new Map(writeErrors.map((w) => [w.index, w]));
      batch.forEach((p, index) => {
        const w = failed.get(index);
        if (!w) p.resolve("inserted");
        else if (w.code === 11000) p.resolve("duplicate");
        else p.reject(Object.assign(new Error(w.errmsg ?? `insert into ${collection.collectionName} failed`), { code: w.code }));
      });
    }
  }
}

/** Inserts one document with the others waiting for this collection; "duplicate" when its `_id` (or another unique key) is taken. */
export function groupInsert<T extends Document>(collection: Collection<T>, doc: T): Promise<InsertOutcome> {
  const key = collection as unknown as Collection<Document>;
  let lane = lanes.get(key);
  if (!lane) lanes.set(key, (lane = { waiting: [], busy: false }));
  const promise = new Promise<InsertOutcome>((resolve, reject) => lane.waiting.push({ doc, resolve, reject }));
  if (!lane.busy) void flush(key, lane);
  return promise;
}

/** Several documents of one caller: each goes in the shared batches; resolves with one outcome per document. */
export function groupInsertAll<T extends Document>(collection: Collection<T>, docs: readonly T[]): Promise<InsertOutcome[]> {
  return Promise.all(docs.map((doc) => groupInsert(collection, doc)));
}

/**
 * A document as the model would save it (casting, defaults, timestamps), validated, ready for
 * groupInsert: mongoose's own insertMany path, one document at a time. Throws the model's
 * ValidationError, as create() would.
 */
export async function modelDocument<T>(model: Model<T>, fields: Partial<T> | Record<string, unknown>): Promise<Document> {
  const doc = new model(fields) as unknown as {
    validate(): Promise<void>;
    initializeTimestamps?: () => void;
    toObject(options: object): Document;
  };
  await doc.validate();
  doc.initializeTimestamps?.();
  return doc.toObject({ transform: false, virtuals: false, getters: false, depopulate: true, flattenMaps: false });
}
