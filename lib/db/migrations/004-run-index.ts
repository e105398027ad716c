// 004: the run index (lib/runtime/run-index.ts) — which runs each day created and ended — built
// once from workflow_executions and execution_histories for data stored before it existed.
// Rewrites whole days, so running it again (after a crash) gives the same documents.
import type { Db } from "mongodb";
import { rebuildRunIndex } from "@/lib/runtime/run-index-rebuild";
import type { Migration } from "./index";

export const runIndex: Migration = {
  id: "004-run-index",
  title: "list every stored run in the run index (run_starts, run_ends)",
  async run(db: Db) {
    const { started, ended } = await rebuildRunIndex(db);
    return started + ended;
  },
};
