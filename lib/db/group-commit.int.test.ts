// Group commit on the real embedded database: concurrent inserts share insertMany batches, each
// caller learns its own document's outcome, and a contested _id still has exactly one winner.
import mongoose from "mongoose";
import type { Collection } from "mongodb";
import { describe, expect, it } from "vitest";
import { RunQueue } from "@/models/RunQueue";
import { groupInsert, groupInsertAll, modelDocument } from "./group-commit";

function collection(name: string): Collection<{ _id: string; n?: number }> {
  return mongoose.connection.db!.collection(name);
}

/** The collection, counting the insertMany calls made through it (each is one insert command). */
function counted(name: string): { target: Collection<{ _id: string; n?: number }>; calls: () => number } {
  const real = collection(name);
  let calls = 0;
  const target = new Proxy(real, {
    get(obj, prop, receiver) {
      if (prop === "insertMany") calls += 1;
      const value = Reflect.get(obj, prop, receiver) as unknown;
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
  return { target, calls: () => calls };
}

describe("group commit", () => {
  it("sends concurrent inserts as a few batches and reports each document's outcome", async () => {
    const docs = Array.from({ length: 60 }, (_, i) => ({ _id: `gc-${i}`, n: i }));
    const { target, calls } = counted("gc_batches");
    const outcomes = await Promise.all(docs.map((doc) => groupInsert(target, doc)));
    const commands = calls();
    expect(outcomes).toEqual(docs.map(() => "inserted"));
    expect(commands).toBeGreaterThanOrEqual(1);
    expect(commands, `${commands} insert commands for 60 documents`).toBeLessThanOrEqual(3);
    expect(await collection("gc_batches").countDocuments({})).toBe(60);
  });

  it("reports a taken _id to its caller alone, and the rest of the batch is stored", async () => {
    await collection("gc_dupes").insertOne({ _id: "taken" });
    const outcomes = await groupInsertAll(collection("gc_dupes"), [{ _id: "a" }, { _id: "taken" }, { _id: "b" }]);
    expect(outcomes).toEqual(["inserted", "duplicate", "inserted"]);
    expect((await collection("gc_dupes").find({}).toArray()).map((d) => d._id).sort()).toEqual(["a", "b", "taken"]);
  });

  it("gives a contested _id exactly one winner among concurrent callers", async () => {
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.all(Array.from({ length: 30 }, (_, k) => groupInsert(collection("gc_race"), { _id: `slot-${round}`, n: k })));
      expect(outcomes.filter((o) => o === "inserted")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(29);
    }
  });

  it("builds a model's document with its defaults and timestamps, and refuses an invalid one", async () => {
    const workflowId = new mongoose.Types.ObjectId();
    const doc = await modelDocument(RunQueue, { _id: "gc-run", workflowId: String(workflowId), runnableAt: new Date(0), lease: { until: new Date(0) } });
    expect(doc).toMatchObject({ _id: "gc-run", workflowId, concurrency: 0, waitingForSlot: false, lease: { owner: null, token: 0 } });
    expect(doc.createdAt).toBeInstanceOf(Date);
    await expect(modelDocument(RunQueue, { _id: "gc-bad", workflowId: String(workflowId), runnableAt: "not a date", lease: { until: new Date(0) } })).rejects.toThrow(/runnableAt/);
  });
});
