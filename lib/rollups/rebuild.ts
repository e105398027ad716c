// Rebuilds every roll-up from execution_histories (npm run rollups:rebuild), holding the
// folder's claim so no fold runs meanwhile. Runs that end during the rebuild are safe: an end
// the rebuild read is marked folded, so its inbox entry is dropped; one it did not read stays
// in the inbox and is folded afterwards.
import { claimOnce, releaseClaims } from "@/lib/db/claim";
import { Claim } from "@/models/Claim";
import { DailyRollup } from "@/models/DailyRollup";
import { RollupHead } from "@/models/RollupHead";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { RollupFolded } from "@/models/RollupFolded";
import { FOLDER_CLAIM, FOLDER_STALE_MS, foldAll } from "./fold";
import { addToDay, contributionOf, countsInRollups, rollupDay, type HistoryLike, type WorkflowDay } from "./stats";
import { writeDay } from "./store";
import { insertIgnoringDuplicates } from "./write";

export async function rebuildRollups(options: { log?: (line: string) => void } = {}): Promise<{ runs: number; days: number }> {
  const log = options.log ?? (() => {});
  const deadline = Date.now() + FOLDER_STALE_MS * 2;
  while (!(await claimOnce(FOLDER_CLAIM, FOLDER_STALE_MS))) {
    if (Date.now() > deadline) throw new Error("The roll-up folder stayed busy; try again.");
    await new Promise((r) => setTimeout(r, 200));
  }
  const renew = setInterval(() => void Claim.updateOne({ _id: FOLDER_CLAIM }, { $set: { at: new Date() } }).catch(() => {}), FOLDER_STALE_MS / 3);
  let runs = 0;
  const days = new Map<string, WorkflowDay[]>();
  try {
    const cursor = ExecutionHistory.find({}, { _id: 1, workflowId: 1, status: 1, endedAt: 1, duration: 1, nodeMetrics: 1, aiUsage: 1, humanInteractions: 1, error: 1, trigger: 1 })
      .lean()
      .cursor({ batchSize: 2_000 });
    let ids: { _id: string; day: string }[] = [];
    for await (const h of cursor) {
      const history = h as unknown as HistoryLike;
      if (!countsInRollups(history)) continue;
      const day = rollupDay(history.endedAt);
      days.set(day, addToDay(days.get(day) ?? [], String(history.workflowId), contributionOf(history)));
      ids.push({ _id: history._id, day });
      runs += 1;
      if (ids.length >= 5_000) {
        await insertIgnoringDuplicates(RollupFolded, ids);
        ids = [];
        log(`${runs} runs read`);
      }
    }
    await insertIgnoringDuplicates(RollupFolded, ids);
    await RollupHead.deleteMany({});
    await DailyRollup.deleteMany({});
    // A new version no earlier read can have cached (lib/rollups/store.ts); folds count on from it.
    const v = Date.now();
    for (const [day, workflows] of [...days].sort(([a], [b]) => a.localeCompare(b))) await writeDay(day, workflows, v, []);
  } finally {
    clearInterval(renew);
    await releaseClaims([FOLDER_CLAIM]);
  }
  await foldAll();
  log(`rebuilt ${days.size} day roll-ups from ${runs} runs`);
  return { runs, days: days.size };
}
