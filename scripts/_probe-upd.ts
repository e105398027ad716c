import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MongoClient } from "mongodb";
import { ensureFerretDB, startFerretDB } from "../lib/db/ferretdb.mjs";
import { syntheticWorkflow } from "../lib/workflow/synthetic";
import { encodeGraph } from "../models/graph-codec";
async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "probe-"));
  const db = await startFerretDB({ binary: ensureFerretDB({ toolsDir: "/work/wt-graph/.tools" }), dataDir });
  const client = await MongoClient.connect(`mongodb://127.0.0.1:${db.port}/`);
  const c = client.db("p").collection("w");
  const g = syntheticWorkflow(1000);
  const meta = { name: "x", description: "", status: "draft", permissions: { owners: ["a"], editors: [], viewers: [] }, settings: { timeout: 0 }, metadata: { tags: [] } };
  await c.insertOne({ _id: "a" as never, ...meta, ...encodeGraph(g), revision: 1 });
  const rows: Record<string, number[]> = {};
  let rev = 1;
  for (let i = 0; i < 10; i++) {
    for (const how of ["set", "replace", "setNodesOnly", "findFull", "findProj"]) {
      g.nodes[1].position.x += 10;
      const st = encodeGraph(g);
      const t0 = performance.now();
      if (how === "set") await c.updateOne({ _id: "a" as never, revision: rev }, { $set: st, $inc: { revision: 1 } });
      else if (how === "replace") await c.replaceOne({ _id: "a" as never, revision: rev }, { ...meta, ...st, revision: rev + 1 });
      else if (how === "setNodesOnly") await c.updateOne({ _id: "a" as never, revision: rev }, { $set: { nodes: st.nodes }, $inc: { revision: 1 } });
      else if (how === "findFull") await c.findOne({ _id: "a" as never });
      else await c.findOne({ _id: "a" as never }, { projection: { nodes: 0, edges: 0 } });
      if (!how.startsWith("find")) rev++;
      (rows[how] ??= []).push(performance.now() - t0);
    }
  }
  for (const [k, xs] of Object.entries(rows)) { const s = xs.slice(1).sort((a, b) => a - b); console.log(k.padEnd(14), "p50", s[Math.floor(s.length / 2)].toFixed(1), "min", s[0].toFixed(1)); }
  await client.close(); await db.stop(); rmSync(dataDir, { recursive: true, force: true });
}
main();
