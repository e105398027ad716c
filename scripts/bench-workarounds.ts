// The measurements behind the collections that work around the embedded database
// (docs/data.md): `npm run bench:workarounds`. One fresh FerretDB (the app's build, with the
// _id index patch; BENCH_BINARY for another) and the raw driver:
//   • races: 50 concurrent conditional updates of one document (how many "win"), 200
//     concurrent $inc upserts (what is left), 50 concurrent inserts of one _id (how many win)
//     — 5 rounds each: what decides exactly-once (claims, task_closures, task_changes,
//     run_slots, rollup_inbox);
//   • reads: a read by _id against a filter on another field in 10,000 task-sized documents
//     (inbox_clock, the in-process inbox index), and a read by _id in 100,000 one-line documents
//     (rollup_folded, the folder's "already counted?" check).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MongoClient, type Collection } from "mongodb";
import { ensureFerretDB, startFerretDB } from "../lib/db/ferretdb.mjs";
import { TOOLS_DIR } from "./lib/paths.mjs";

type Doc = { _id: string } & Record<string, unknown>;
type Race = { _id: string; v?: number; n?: number; by?: number };

async function median(times: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn(i);
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

async function races(c: Collection<Race>) {
  const winners: number[] = [];
  const incs: number[] = [];
  const inserts: number[] = [];
  for (let round = 0; round < 5; round++) {
    await c.insertOne({ _id: `cond:${round}`, v: 0 });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => c.updateOne({ _id: `cond:${round}`, v: 0 }, { $set: { v: 1, by: i } })));
    winners.push(results.filter((r) => r.modifiedCount === 1).length);
    await Promise.all(Array.from({ length: 200 }, () => c.updateOne({ _id: `inc:${round}` }, { $inc: { n: 1 } }, { upsert: true }).catch(() => {})));
    incs.push(Number((await c.findOne({ _id: `inc:${round}` }))?.n ?? 0));
    const tries = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => c.insertOne({ _id: `ins:${round}`, by: i })));
    inserts.push(tries.filter((t) => t.status === "fulfilled").length);
  }
  console.log(`50 concurrent updateOne({ _id, v: 0 }) reporting a match, 5 rounds: ${winners.join(", ")} (atomic: 1)`);
  console.log(`200 concurrent $inc upserts of one document left n = ${incs.join(", ")} (atomic: 200)`);
  console.log(`50 concurrent inserts of one _id that succeeded, 5 rounds: ${inserts.join(", ")}`);
}

async function fill(c: Collection<Doc>, count: number, make: (i: number) => Doc) {
  for (let i = 0; i < count; i += 1_000) await c.insertMany(Array.from({ length: Math.min(1_000, count - i) }, (_, k) => make(i + k)));
}

async function reads(tasks: Collection<Doc>, folded: Collection<Doc>) {
  const task = (i: number): Doc => ({
    _id: `task:${String(i).padStart(6, "0")}`,
    title: `Approve expense claim ${i} for the travel to the customer workshop`,
    status: i % 10 === 0 ? "completed" : "pending",
    assignee: i % 3 === 0 ? `user${i % 40}` : null,
    candidateRoles: ["approver", "manager"],
    priority: ["low", "medium", "high"][i % 3],
    runId: `run:${i}`,
    formFields: [{ name: "decision", label: "Decision", type: "select" }, { name: "note", label: "Note", type: "text" }],
    context: { amount: i * 3.5, currency: "EUR", requester: `user${i % 50}` },
    dueAt: new Date(Date.now() + i * 60_000),
    createdAt: new Date(),
    version: 1,
  });
  await fill(tasks, 10_000, task);
  const byId = await median(21, (i) => tasks.findOne({ _id: `task:${String((i * 467) % 10_000).padStart(6, "0")}` }));
  const byField = await median(5, (i) => tasks.find({ runId: `run:${(i * 467) % 10_000}` }).toArray());
  const openScan = await median(3, () => tasks.find({ status: "pending" }).toArray());
  console.log(`10,000 tasks: find by _id ${byId.toFixed(1)} ms; find by runId (one match) ${byField.toFixed(0)} ms; all open tasks by status ${openScan.toFixed(0)} ms`);
  await fill(folded, 100_000, (i) => ({ _id: (0x6500000000000000n + BigInt(i)).toString(16).padStart(24, "0"), day: "2026-11-30" }));
  const exists = await median(51, (i) => folded.findOne({ _id: (0x6500000000000000n + BigInt((i * 1_999) % 100_000)).toString(16).padStart(24, "0") }, { projection: { _id: 1 } }));
  const byDay = await median(3, () => folded.countDocuments({ day: "2026-11-29" }));
  console.log(`100,000 rollup_folded-sized documents: find by _id ${exists.toFixed(1)} ms; count by day (a scan) ${byDay.toFixed(0)} ms`);
}

async function main() {
  const binary = process.env.BENCH_BINARY ?? ensureFerretDB({ toolsDir: TOOLS_DIR });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-workarounds-"));
  const db = await startFerretDB({ binary, dataDir });
  const client = new MongoClient(db.uri, { directConnection: true, maxPoolSize: 100 });
  try {
    await client.connect();
    console.log(`Workaround measurements on ${path.basename(binary)} (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
    const d = client.db("workarounds");
    await races(d.collection<Race>("races"));
    await reads(d.collection<Doc>("tasks"), d.collection<Doc>("folded"));
  } finally {
    await client.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0)).catch((err) => {
  console.error(err);
  process.exit(1);
});
