// What a roll-up's shape costs to read on the embedded database: `npm run bench:rollup-shapes`.
// One fresh FerretDB; N synthetic ended runs (BENCH_RUNS, default 100,000, 20 workflows, 90 days:
// scripts/lib/synthetic-runs.ts) summed into workflow-days exactly as real ends are, then stored
// in four shapes and each read whole with the driver (5 timed reads after a warm-up):
//   packed      one document per day, the figures as deflated JSON (the shape before 003)
//   per day     one document per day, `workflows: [{ workflowId, runs, … }]` (the current shape)
//   per wf-day  one document per workflow and day, _id "<day>:<workflowId>", read whole, by an
//               _id range, by $in of 200 ids, and by 200 parallel finds by _id
// The embedded FerretDB converts every value of every document it returns, so what matters is
// how many values a read returns, not how the documents are found.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { MongoClient, type Document } from "mongodb";
import { ensureFerretDB, startFerretDB } from "../lib/db/ferretdb.mjs";
import { addToDay, contributionOf, rollupDay, type WorkflowDay } from "../lib/rollups/stats";
import { storedWorkflows } from "../lib/rollups/store";
import { TOOLS_DIR } from "./lib/paths.mjs";
import { rng, syntheticRun } from "./lib/synthetic-runs";

const RUNS = Number(process.env.BENCH_RUNS ?? 100_000);

async function measure(label: string, fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(44)} median ${times[2].toFixed(0).padStart(5)} ms   worst ${times[4].toFixed(0).padStart(5)} ms`);
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-shapes-"));
  const db = await startFerretDB({ binary: ensureFerretDB({ toolsDir: TOOLS_DIR }), dataDir });
  const client = new MongoClient(db.uri, { directConnection: true });
  try {
    await client.connect();
    const d = client.db("shapes");
    const workflowIds = Array.from({ length: 20 }, (_, i) => (0x650000000000000000000000n + BigInt(i)).toString(16));
    const rand = rng(RUNS);
    const now = Date.now();
    const days = new Map<string, WorkflowDay[]>();
    for (let i = 0; i < RUNS; i++) {
      const h = syntheticRun(i, workflowIds, rand, now);
      const day = rollupDay(h.endedAt);
      days.set(day, addToDay(days.get(day) ?? [], String(h.workflowId), contributionOf(h)));
    }
    const packed = [...days].map(([day, w]) => ({ _id: day, day, workflows: deflateRawSync(JSON.stringify(w), { level: 1 }), v: 1 }));
    const perDay = [...days].map(([day, w]) => ({ _id: day, day, workflows: storedWorkflows(w), v: 1 }));
    const perWorkflowDay = [...days].flatMap(([day, w]) => storedWorkflows(w).map((x) => ({ _id: `${day}:${x.workflowId}`, day, ...x, v: 1 })));
    const insert = async (name: string, docs: Document[]) => {
      for (let i = 0; i < docs.length; i += 200) await d.collection(name).insertMany(docs.slice(i, i + 200));
    };
    await insert("packed", packed);
    await insert("per_day", perDay);
    await insert("per_wf_day", perWorkflowDay);
    const values = perWorkflowDay.reduce((s, x) => s + JSON.stringify(x).split(/[,[{]/).length, 0);
    console.log(`Roll-up shapes on the embedded FerretDB (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
    console.log(`${RUNS.toLocaleString("en-US")} runs → ${days.size} days, ${perWorkflowDay.length} workflow-days, ~${values.toLocaleString("en-US")} values`);
    const ids = perWorkflowDay.slice(0, 200).map((x) => x._id);
    const byId = d.collection<{ _id: string }>("per_wf_day");
    await measure("packed per day: all, inflated", async () => (await d.collection("packed").find({}).toArray()).map((x) => JSON.parse(inflateRawSync(x.workflows.buffer).toString())));
    await measure("readable per day: all", () => d.collection("per_day").find({}).toArray());
    await measure("readable per day: 10 days by _id", () => Promise.all([...days.keys()].slice(0, 10).map((day) => d.collection<{ _id: string }>("per_day").findOne({ _id: day }))));
    await measure("readable per wf-day: all", () => byId.find({}).toArray());
    await measure("readable per wf-day: all, only v", () => byId.find({}, { projection: { v: 1 } }).toArray());
    await measure("readable per wf-day: _id range (all)", () => byId.find({ _id: { $gte: "2000", $lte: "2100" } }).toArray());
    await measure("readable per wf-day: $in of 200 _ids", () => byId.find({ _id: { $in: ids } }).toArray());
    await measure("readable per wf-day: 200 finds by _id", () => Promise.all(ids.map((id) => byId.findOne({ _id: id }))));
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
