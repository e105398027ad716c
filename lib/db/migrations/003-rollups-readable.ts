// 003: roll-ups kept their figures as deflated JSON (workflow_daily_stats.workflows,
// rollup_inbox.stats); they become plain fields (models/DailyRollup.ts, models/RollupInbox.ts),
// and every day's fold version is listed in rollup_heads, which the dashboard reads first.
//
// Converted, not rebuilt from execution_histories: the packed figures are exactly what the
// dashboard showed, so a conversion changes nothing a manager sees, needs no scan of the
// histories (100k runs: minutes on the embedded database) and works even where histories were
// removed by hand. It holds the roll-up folder's claim (lib/rollups/fold.ts) so no folder of a
// process already started reads a half-converted day. Only documents still packed are touched,
// and a day's version is written before its figures, as the folder does.
import { inflateRawSync } from "node:zlib";
import type { Binary, Db } from "mongodb";
import type { Migration } from "./index";

const FOLDER_CLAIM = "rollups:folder";
const CLAIM_STALE_MS = 30_000;
const WAIT_MS = 90_000;

function unpack(data: Binary | Buffer): unknown {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer);
  return JSON.parse(inflateRawSync(bytes).toString("utf8"));
}

/** Packed WorkflowDay[] ({ workflowId, stats }) → the stored list ({ workflowId, ...stats }). */
function readableWorkflows(packed: unknown, where: string): Record<string, unknown>[] {
  if (!Array.isArray(packed)) throw new Error(`Migration 003: ${where} does not hold a list of workflows.`);
  return packed.map((w: { workflowId?: unknown; stats?: Record<string, unknown> }) => ({ workflowId: String(w.workflowId), ...(w.stats ?? {}) }));
}

async function holdFolderClaim(db: Db): Promise<void> {
  const claims = db.collection<{ _id: string; at: Date }>("claims");
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await claims.insertOne({ _id: FOLDER_CLAIM, at: new Date() });
      return;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      await claims.deleteOne({ _id: FOLDER_CLAIM, at: { $lt: new Date(Date.now() - CLAIM_STALE_MS) } });
    }
    if (Date.now() > deadline) throw new Error("Migration 003: the roll-up folder stayed busy for 90 s; start again to retry.");
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function convert(db: Db): Promise<number> {
  let changed = 0;
  const days = db.collection<{ _id: string; day: string; v?: number; workflows: unknown }>("workflow_daily_stats");
  const heads = db.collection<{ _id: string }>("rollup_heads");
  for (const doc of await days.find({ workflows: { $type: "binData" } }).toArray()) {
    const workflows = readableWorkflows(unpack(doc.workflows as Binary), `workflow_daily_stats ${doc._id}`);
    await heads.updateOne({ _id: doc._id.slice(0, 4) }, { $set: { [`days.${doc._id}`]: doc.v ?? 0 } }, { upsert: true });
    await days.updateOne({ _id: doc._id }, { $set: { workflows } });
    changed += 1;
  }
  const inbox = db.collection<{ _id: string; stats: unknown }>("rollup_inbox");
  for (const doc of await inbox.find({ stats: { $type: "binData" } }).toArray()) {
    const stats = unpack(doc.stats as Binary);
    if (!stats || typeof stats !== "object") throw new Error(`Migration 003: rollup_inbox ${doc._id} does not hold a run's figures.`);
    await inbox.updateOne({ _id: doc._id }, { $set: { stats } });
    changed += 1;
  }
  return changed;
}

export const rollupsReadable: Migration = {
  id: "003-rollups-readable",
  title: "dashboard roll-ups keep their figures as fields",
  async run(db) {
    await holdFolderClaim(db);
    try {
      return await convert(db);
    } finally {
      await db.collection<{ _id: string }>("claims").deleteOne({ _id: FOLDER_CLAIM });
    }
  },
};
