import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { ensureFerretDB, startFerretDB } from "../lib/db/ferretdb.mjs";
import { syntheticWorkflow } from "../lib/workflow/synthetic";
import { encodeGraph } from "../models/graph-codec";
import { saveGraphSchema } from "../lib/workflows/schema";
import { toStorableGraph } from "../lib/workflows/storable";
import { createWorkflow } from "../lib/workflows/service";
import { authorizedWorkflow } from "../lib/workflows/store";
import { claimOnce, releaseClaims } from "../lib/db/claim";
import { Workflow } from "../models/Workflow";
import type { Actor } from "../lib/auth/roles";
async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "probe-"));
  const db = await startFerretDB({ binary: ensureFerretDB({ toolsDir: "/work/wt-graph/.tools" }), dataDir });
  await mongoose.connect(`mongodb://127.0.0.1:${db.port}/p`);
  const actor: Actor = { id: String(new mongoose.Types.ObjectId()), roles: ["designer"], active: true };
  const n = Number(process.argv[2] ?? 1000);
  const created = await createWorkflow(actor, { name: "x" });
  if (!created.ok) throw new Error();
  const g = syntheticWorkflow(n);
  const rows: Record<string, number[]> = {};
  const time = async <T>(k: string, f: () => Promise<T> | T): Promise<T> => { const t0 = performance.now(); const r = await f(); (rows[k] ??= []).push(performance.now() - t0); return r; };
  let rev = 1;
  for (let i = 0; i < 12; i++) {
    g.nodes[1].position.x += 10;
    const parsed = await time("zod", () => saveGraphSchema.parse({ id: created.id, revision: rev, ...g }));
    const st = await time("storable", () => toStorableGraph(parsed));
    if (!st.ok) throw new Error();
    await time("authorize read", () => authorizedWorkflow(actor, created.id, "workflow:edit"));
    await time("claim", () => claimOnce(`${created.id}:rev:${rev + 1}`));
    const upd = await time("encode", () => encodeGraph(st.graph));
    await time("update", () => Workflow.updateOne({ _id: created.id, revision: rev }, { $set: { ...upd }, $inc: { revision: 1 } }));
    await time("release", () => releaseClaims([`${created.id}:rev:${rev}`]));
    rev++;
  }
  for (const [k, xs] of Object.entries(rows)) { const s = xs.slice(2).sort((a, b) => a - b); console.log(k.padEnd(16), "p50", s[Math.floor(s.length / 2)].toFixed(1), "min", s[0].toFixed(1)); }
  await mongoose.disconnect(); await db.stop(); rmSync(dataDir, { recursive: true, force: true });
}
main();
