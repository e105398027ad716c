// Roll-ups are written by one folder at a time. A run that ends only inserts its contribution
// into rollup_inbox (keyed by the run, so recording an end twice adds nothing); the folder,
// holding the "rollups:folder" claim (an insert, the only thing FerretDB 1.24 does atomically:
// lib/db/claim.ts), adds the inbox to the day documents and empties it.
//
// Why not `$inc` upserts from every run, as DESIGN.md first said: measured on FerretDB 1.24,
// 200 concurrent `$inc` upserts of one document left it at 38 (lib/rollups/rollups.int.test.ts
// keeps that measurement honest), so concurrent increments are lost.
//
// Each run is counted exactly once, whatever crashes: for one day (one document for all
// workflows, models/DailyRollup.ts) the folder (1) marks as
// folded the entries its previous fold already added (named in the day's lastBatch), (2) writes
// the day with the new entries and lastBatch = their ids, (3) marks those as folded, (4) deletes
// the entries. An entry found folded (rollup_folded, by _id) is only deleted.
import mongoose from "mongoose";
import { claimOnce, releaseClaims } from "@/lib/db/claim";
import { DailyRollup, type DailyRollupDoc } from "@/models/DailyRollup";
import { RollupFolded } from "@/models/RollupFolded";
import { RollupInbox, type RollupInboxDoc } from "@/models/RollupInbox";
import { groupInsert, modelDocument } from "@/lib/db/group-commit";
import { addToDay, contributionOf, countsInRollups, rollupDay, type HistoryLike } from "./stats";
import { statsOf, workflowsOf, writeDay } from "./store";
import { insertIgnoringDuplicates } from "./write";

export const FOLDER_CLAIM = "rollups:folder";
/** A folder claim this old belongs to a folder that died: a fold pass takes well under a second. */
export const FOLDER_STALE_MS = 30_000;
const BATCH = 500;

/** The runtime's hook (lib/runtime/history-record.ts): counts an ended run in its day's roll-up, soon. */
export async function recordRunEnd(history: HistoryLike): Promise<void> {
  if (!countsInRollups(history)) return;
  const workflowId = String(history.workflowId);
  const day = rollupDay(history.endedAt);
  // In the process's shared batch with other runs' ends (lib/db/group-commit.ts); a duplicate is
  // this run's end recorded before (a worker repeating a finish), already counted once.
  await groupInsert(RollupInbox.collection, await modelDocument(RollupInbox, { _id: history._id, day, workflowId, stats: contributionOf(history), at: new Date() }));
  scheduleFold();
}

async function markFolded(entries: readonly RollupInboxDoc[]): Promise<void> {
  await insertIgnoringDuplicates(RollupFolded, entries.map((e) => ({ _id: e._id, day: e.day })));
}

async function foldDay(day: string, entries: RollupInboxDoc[]): Promise<number> {
  const doc = await DailyRollup.findById(day).lean<DailyRollupDoc>();
  const lastBatch = new Set(doc?.lastBatch ?? []);
  const inLastBatch = entries.filter((e) => lastBatch.has(e._id));
  const others = entries.filter((e) => !lastBatch.has(e._id));
  const folded = await Promise.all(others.map((e) => RollupFolded.exists({ _id: e._id })));
  const fresh = others.filter((_, i) => !folded[i]);
  await markFolded(inLastBatch);
  if (fresh.length > 0) {
    let workflows = doc ? workflowsOf(doc) : [];
    for (const e of fresh) workflows = addToDay(workflows, e.workflowId, statsOf(e.stats));
    await writeDay(day, workflows, (doc?.v ?? 0) + 1, fresh.map((e) => e._id));
    await markFolded(fresh);
  }
  await RollupInbox.deleteMany({ _id: { $in: entries.map((e) => e._id) } });
  return fresh.length;
}

export interface FoldResult {
  folded: number;
  /** Another folder held the claim: what it did not take stays for the next pass. */
  busy: boolean;
}

/** One pass, not serialized with this process's others (the claim keeps folders apart). */
export async function foldPass(): Promise<FoldResult> {
  let folded = 0;
  for (;;) {
    if (!(await RollupInbox.exists({}))) return { folded, busy: false };
    if (!(await claimOnce(FOLDER_CLAIM, FOLDER_STALE_MS))) return { folded, busy: true };
    let full = false;
    try {
      const entries = await RollupInbox.find().limit(BATCH).lean<RollupInboxDoc[]>();
      full = entries.length === BATCH;
      const byDay = new Map<string, RollupInboxDoc[]>();
      for (const e of entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
      for (const [day, group] of byDay) folded += await foldDay(day, group);
    } finally {
      await releaseClaims([FOLDER_CLAIM]);
    }
    if (!full) return { folded, busy: false };
  }
}

let chain: Promise<unknown> = Promise.resolve();

/** One fold pass over the inbox; passes in this process run one after another. */
export function foldPending(): Promise<FoldResult> {
  const next = chain.then(foldPass, foldPass);
  chain = next.catch(() => {});
  return next;
}

/** Folds until the inbox is empty, waiting for another folder if one holds the claim. */
export async function foldAll(timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let folded = 0;
  for (;;) {
    const result = await foldPending();
    folded += result.folded;
    if (!result.busy) return folded;
    if (Date.now() > deadline) throw new Error("Another process kept the roll-up folder busy; try again.");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Folds runs that ended since the last fold, so a read of today's figures includes them (cheap when there are none). */
export async function foldRecentEnds(area: string): Promise<void> {
  if (await RollupInbox.exists({})) await foldAll(5_000).catch((error) => console.error(`[${area}] folding recent runs failed`, error));
}

let timer: ReturnType<typeof setTimeout> | null = null;

/** Folds shortly, once for a burst of ended runs; retries while another folder is busy. */
export function scheduleFold(delayMs = 250): void {
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    // Disconnected (a script or test that has finished): the next process to fold takes the inbox.
    if (mongoose.connection.readyState !== 1) return;
    foldPending()
      .then((r) => r.busy && scheduleFold(1_000))
      .catch((error) => {
        // Disconnected while folding (a script that finished, e.g. the demo seeding): as above.
        if (mongoose.connection.readyState !== 1) return;
        console.error("[rollups] folding failed; retrying", error);
        scheduleFold(5_000);
      });
  }, delayMs);
  timer.unref?.();
}
