// Where a run's time goes: `npm run bench:runtime-ops`. A fresh embedded FerretDB, BENCH_RUNS
// runs of the 20-step set/decision fixture queued, then one worker in this process (BENCH_CONCURRENCY
// runs at once) drains them while the driver's command monitor counts every database command
// by kind and collection. Prints runs/s, the CPU each run costs in FerretDB and in Node, and per
// command kind: how many per run, their average latency, and the latency they add up to per run.
// The latencies overlap (runs and writes go in parallel); the CPU figures are what caps throughput.
//   BENCH_RUNS (600)  BENCH_CONCURRENCY (8)
import { readFileSync } from "node:fs";
import os from "node:os";
import mongoose from "mongoose";
import type { CommandStartedEvent, CommandSucceededEvent, CommandFailedEvent } from "mongodb";
import { fixture } from "../lib/engine/fixtures";
import { actor } from "../lib/workflows/test-fixtures";
import { storeWorkflow } from "../lib/runtime/test-support";
import { Worker } from "../lib/runtime/worker";
import { runBench, withFreshDatabase, type FreshDatabase } from "./lib/fresh-database";
import { drained, enqueueRuns, lastEnd } from "./lib/runtime-bench";

const RUNS = Number(process.env.BENCH_RUNS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

/** CPU milliseconds (user + system) a process has used, from /proc. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

async function measure(db: FreshDatabase) {
  const designer = actor(["designer"]);
  const graph = fixture("bench-20");
  const workflowId = await storeWorkflow(designer, graph);
  await enqueueRuns(workflowId, graph, { amount: 3 }, RUNS, designer.id);

  const stats = new Map<string, { count: number; ms: number }>();
  const started = new Map<number, { key: string; at: number }>();
  let counting = true;
  const client = mongoose.connection.getClient();
  client.on("commandStarted", (e: CommandStartedEvent) => {
    const target = (e.command as Record<string, unknown>)[e.commandName];
    if (counting) started.set(e.requestId, { key: `${e.commandName} ${typeof target === "string" ? target : ""}`, at: performance.now() });
  });
  const done = (e: CommandSucceededEvent | CommandFailedEvent) => {
    const s = started.get(e.requestId);
    if (!s) return;
    started.delete(e.requestId);
    const row = stats.get(s.key) ?? { count: 0, ms: 0 };
    row.count += 1;
    row.ms += performance.now() - s.at;
    stats.set(s.key, row);
  };
  client.on("commandSucceeded", done);
  client.on("commandFailed", done);

  const dbCpu = cpuMs(db.pid);
  const nodeCpu = process.cpuUsage();
  const startedAt = Date.now();
  const worker = new Worker({ config: { concurrency: CONCURRENCY, pollMs: 100 }, sweepMs: 0, log: () => {} }).start();
  await drained(30 * 60_000);
  const seconds = ((await lastEnd(workflowId)) - startedAt) / 1000;
  counting = false;
  const node = process.cpuUsage(nodeCpu);
  const ferret = cpuMs(db.pid) - dbCpu;
  await worker.stop(1_000);

  console.log(`${RUNS} runs of the 20-step fixture, one worker in this process, ${CONCURRENCY} at once (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
  console.log(`${(RUNS / seconds).toFixed(1)} runs/s, ${((RUNS * 20) / seconds).toFixed(0)} steps/s`);
  console.log(`CPU per run: FerretDB ${(ferret / RUNS).toFixed(1)} ms, Node ${((node.user + node.system) / 1000 / RUNS).toFixed(1)} ms (includes the monitor)`);
  console.log("\ncommand | per run | avg latency (ms) | latency per run (ms)");
  for (const [key, row] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`${key} | ${(row.count / RUNS).toFixed(2)} | ${(row.ms / row.count).toFixed(1)} | ${(row.ms / RUNS).toFixed(1)}`);
  }
}

runBench(() => withFreshDatabase("ops", measure, { connect: { monitorCommands: true } }));
