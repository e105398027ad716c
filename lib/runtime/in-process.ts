// The worker the web server runs in its own process (started from instrumentation.ts), kept on
// globalThis so a dev reload or a second bundle of this module never starts a second one.
import { connectDb } from "@/lib/db/connect";
import { startRetentionJob } from "@/lib/retention/job";
import { warmRollups } from "@/lib/rollups/warm";
import { startSlaJob } from "@/lib/tasks/sla-job";
import { startScheduler } from "@/lib/triggers/scheduler";
import { warmRunIndex } from "./run-index";
import { Worker } from "./worker";

const holder = globalThis as unknown as { __switchyardWorker?: Worker };

export async function startInProcessWorker(): Promise<Worker> {
  if (holder.__switchyardWorker) return holder.__switchyardWorker;
  await connectDb();
  const worker = new Worker();
  holder.__switchyardWorker = worker.start();
  startSlaJob(); // inbox SLAs (overdue, escalation, reminders) run beside the in-process worker
  await startScheduler(); // schedules and the recovery of accepted webhook deliveries (lib/triggers)
  warmRollups(); // the first dashboard view finds the roll-ups in memory
  // …and the runs lists their run index (lib/runtime/run-index.ts)
  void warmRunIndex().catch((error: unknown) => console.error("[runs] warming the run index failed:", error));
  startRetentionJob(); // prunes old finished runs' details in small batches (lib/retention)
  // Listening for the signal takes away Node's default of exiting on it, so exit here once the
  // runs in flight are handed back; otherwise the server (and `npm start` waiting on it) never ends.
  const stop = (signal: NodeJS.Signals) => {
    void worker
      .stop(5_000)
      .catch((error: unknown) => console.error("[worker] stopping failed:", error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return worker;
}
