// `npm run worker`: runs workers against MONGODB_URI, beside (or instead of) the one inside the
// web server. Run it with the react-server condition (`tsx --conditions=react-server …`), since
// server modules import "server-only". Stops cleanly on SIGTERM/SIGINT: claims nothing more,
// lets steps in flight finish for a moment, and hands its runs back for other workers.
//   SWITCHYARD_WORKERS            workers in this process (default 1)
//   SWITCHYARD_WORKER_CONCURRENCY runs each works on at once (default 16)
//   SWITCHYARD_LEASE_MS           lease length; a dead worker's runs move after it (default 10000)
//   SWITCHYARD_WORKER_DB_CONNECTIONS  database connections of this process (default 20; fewer leave the
//                                 web server more of the embedded database: lib/runtime/config.ts)
import mongoose from "mongoose";
import { Worker } from "../lib/runtime/worker";
import { workerDbConnections } from "../lib/runtime/config";
import { startScheduler, stopScheduler } from "../lib/triggers/scheduler";
import { migrate } from "../lib/db/migrations";
import { startRetentionJob, stopRetentionJob } from "../lib/retention/job";

async function main() {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error("MONGODB_URI is not set: point it at the database the web server uses.");
  const count = Number(process.env.SWITCHYARD_WORKERS ?? 1);
  if (!Number.isInteger(count) || count < 1) throw new Error(`SWITCHYARD_WORKERS must be a whole number of at least 1, not "${process.env.SWITCHYARD_WORKERS}"`);
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 5_000, maxPoolSize: workerDbConnections() });
  // A worker started before `npm start` migrated the data must not read it in the old shape.
  await migrate(mongoose.connection.db!);
  const workers = Array.from({ length: count }, () => new Worker().start());
  // Schedules fire wherever workers run; the trigger_fires insert keeps each fire time to one run.
  if (process.env.SWITCHYARD_SCHEDULER !== "off") await startScheduler();
  // Retention runs wherever workers run; one process per hour surveys (lib/retention/pass.ts).
  startRetentionJob();
  console.log(`[worker] ${count} worker(s) running (pid ${process.pid}): ${workers.map((w) => w.owner).join(", ")}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: stopping`);
    await stopScheduler();
    stopRetentionJob();
    await Promise.all(workers.map((w) => w.stop(Number(process.env.SWITCHYARD_STOP_GRACE_MS ?? 10_000))));
    await mongoose.disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("[worker]", error instanceof Error ? error.message : error);
  process.exit(1);
});
