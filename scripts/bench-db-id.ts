// Reads and updates by _id on the embedded database as a collection grows:
// `npm run bench:db-id`. Starts the FerretDB the app uses (built with the _id index patch, see
// lib/db/ferretdb.mjs) on a throw-away folder, fills one collection with insertMany batches and
// prints the median find and update by _id at each size.
//   BENCH_SIZES ("1000,10000,100000")
//   BENCH_BINARY (the app's build): another FerretDB binary to compare, e.g. a stock build
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MongoClient } from "mongodb";
import { ensureFerretDB, startFerretDB } from "../lib/db/ferretdb.mjs";
import { probeIdLookups } from "../lib/db/id-lookup-probe";
import { TOOLS_DIR } from "./lib/paths.mjs";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);

async function main() {
  const binary = process.env.BENCH_BINARY ?? ensureFerretDB({ toolsDir: TOOLS_DIR });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-id-"));
  const db = await startFerretDB({ binary, dataDir });
  const client = new MongoClient(db.uri, { directConnection: true });
  try {
    await client.connect();
    console.log(`_id lookups on ${binary} (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
    const started = performance.now();
    const figures = await probeIdLookups(client.db(), SIZES);
    console.log("documents | find by _id (median ms) | update by _id (median ms)");
    for (const f of figures) console.log(`${f.size} | ${f.findMs.toFixed(2)} | ${f.updateMs.toFixed(2)}`);
    console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    await client.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
