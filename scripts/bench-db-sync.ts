// What fsyncing every commit costs on the embedded database: `npm run bench:db-sync`. Starts
// FerretDB twice per round on throw-away folders, once with SQLite synchronous=full and once with
// synchronous=normal (the app's default, lib/db/ferretdb.mjs sqliteSyncMode), alternating, and
// prints one-at-a-time insert and update-by-_id latency and the rate of 50 concurrent inserters.
//   BENCH_ROUNDS (2)  BENCH_WRITES (300)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MongoClient } from "mongodb";
import { ensureFerretDB, startFerretDB } from "../lib/db/ferretdb.mjs";
import { percentile } from "./lib/bench-utils";
import { TOOLS_DIR } from "./lib/paths.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WRITES = Number(process.env.BENCH_WRITES ?? 300);
const CONCURRENT = 50;

async function measure(binary: string, sync: "normal" | "full") {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-sync-"));
  const db = await startFerretDB({ binary, dataDir, sync });
  const client = new MongoClient(db.uri, { directConnection: true });
  try {
    const col = client.db().collection<{ _id: string; n: number; pad: string }>("writes");
    await col.insertOne({ _id: "warm-up", n: 0, pad: "" });
    const timed = async (write: () => Promise<unknown>) => {
      const t = performance.now();
      await write();
      return performance.now() - t;
    };
    const inserts: number[] = [];
    for (let i = 0; i < WRITES; i++) inserts.push(await timed(() => col.insertOne({ _id: `d${i}`, n: i, pad: "x".repeat(200) })));
    const updates: number[] = [];
    for (let i = 0; i < WRITES; i++) updates.push(await timed(() => col.updateOne({ _id: `d${i}` }, { $set: { n: -i } })));
    const perWriter = Math.ceil(WRITES / CONCURRENT) * 2;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) await col.insertOne({ _id: `c${w}-${i}`, n: i, pad: "y".repeat(200) });
      }),
    );
    const rate = (CONCURRENT * perWriter) / ((performance.now() - started) / 1000);
    return { sync, inserts, updates, rate };
  } finally {
    await client.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const binary = ensureFerretDB({ toolsDir: TOOLS_DIR });
  console.log(`SQLite synchronous=full vs normal, ${WRITES} writes each (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
  console.log("sync | insert p50 / p95 (ms) | update by _id p50 / p95 (ms) | 50 concurrent inserters (writes/s)");
  for (let round = 0; round < ROUNDS; round++) {
    for (const sync of ["full", "normal"] as const) {
      const r = await measure(binary, sync);
      const ms = (values: number[]) => `${percentile(values, 50).toFixed(1)} / ${percentile(values, 95).toFixed(1)}`;
      console.log(`${r.sync} | ${ms(r.inserts)} | ${ms(r.updates)} | ${Math.round(r.rate)}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
