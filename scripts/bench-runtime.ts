// The runtime's throughput on the embedded database: `npx tsx --conditions=react-server scripts/bench-runtime.ts`.
// For each configuration a fresh FerretDB (like the integration tests) and real worker processes
// (scripts/worker.ts): 1,000 runs of the 20-step set/decision fixture are queued first, then the
// workers start and the clock runs from their "running" line until the queue is empty. Then one
// run of a 200-branch fan-out and join. Prints runs/s, persisted steps/s and the per-step cycle
// (node_start to the next node_start of the same run: persist + event copy + executor + core).
// Each configuration runs twice: with a checkpoint after every step (the default), and with runs
// of pure steps sharing one (SWITCHYARD_GROUP_PURE_STEPS=16, see lib/runtime/config.ts).
// With BENCH_WAITING=10000, that many runs are first put to sleep on a timer a day away (a worker
// runs them to their timer, then stops) and the measurement runs beside them; BENCH_PARKING
// ("on,off") compares sleeping in run_timers (lib/runtime/parking.ts) with sleeping in run_queue.
//   BENCH_RUNS (1000)  BENCH_WORKERS ("1,2")  BENCH_CONCURRENCY (runs per worker: the default, 16)  BENCH_GROUPS ("100": the default; 1 checkpoints every step)
// BENCH_SHAPE=http runs, instead of the 20 set/decision steps, 20 steps of which every other one
// is an HTTP POST to a server in this process on 127.0.0.1 (10 effects per run, each persisted
// before and after). BENCH_LATENCY=N then times N runs one after another with a worker inside
// this process, as the web server's own worker takes a run started there: trigger to end
// (the run's createdAt to its endedAt), p50/p95.
//   BENCH_WAITING (0)  BENCH_PARKING ("on", or "on,off" when BENCH_WAITING is set)
//   BENCH_SHAPE ("pure" | "http")  BENCH_LATENCY (0)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { ensureFerretDB, startFerretDB } from "../lib/db/ferretdb.mjs";
import { fixture } from "../lib/engine/fixtures";
import type { WorkflowGraph } from "../lib/workflow/types";
import { EventLog } from "../models/EventLog";
import { WorkflowExecution } from "../models/WorkflowExecution";
import { actor } from "../lib/workflows/test-fixtures";
import { e, endNode, n, setNode, startNode, storeWorkflow } from "../lib/runtime/test-support";
import type { ChildProcess } from "node:child_process";
import { RunQueue } from "../models/RunQueue";
import { percentile } from "./lib/bench-utils";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "../lib/runtime/worker";
import { DEFAULT_CONCURRENCY } from "../lib/runtime/config";
import { TOOLS_DIR } from "./lib/paths.mjs";
import { drained, enqueueRuns, lastEnd, startWorkerProcesses, stopWorkerProcesses } from "./lib/runtime-bench";

const RUNS = Number(process.env.BENCH_RUNS ?? 1_000);
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? "1,2").split(",").map(Number);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? String(DEFAULT_CONCURRENCY);
const GROUPS = (process.env.BENCH_GROUPS ?? "100").split(",");
const WAITING = Number(process.env.BENCH_WAITING ?? 0);
const PARKING = (process.env.BENCH_PARKING ?? (WAITING > 0 ? "on,off" : "on")).split(",");
// "off": nothing is parked (the timer would have to be 30 years away).
const PARK_AHEAD = { on: "30000", off: String(1_000 * 3600 * 24 * 365 * 30) } as Record<string, string>;
const SHAPE = process.env.BENCH_SHAPE ?? "pure";
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY ?? 0);
const designer = actor(["designer"]);

/** 20 steps between start and end, every other one an HTTP POST to `url`. */
function httpChain(url: string): WorkflowGraph {
  const nodes = [startNode()];
  const edges = [];
  let previous = "start";
  for (let i = 0; i < 10; i++) {
    nodes.push(setNode(`s${i}`, `v${i}`, `${i} + 1`), n(`h${i}`, "action", { method: "POST", url, headers: [], body: `{"i": ${i}}`, timeoutMs: 10_000 }));
    edges.push(e(previous, `s${i}`), e(`s${i}`, `h${i}`));
    previous = `h${i}`;
  }
  nodes.push(endNode());
  edges.push(e(previous, "end"));
  return { nodes, edges };
}

/** A local service the HTTP steps call: answers at once. */
async function startService(): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = createServer((req, res) => {
    count += 1;
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/effect`, calls: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs started one after another in this process, with a worker here: trigger → end per run. */
async function latency(workflowId: string, graph: WorkflowGraph, count: number, group: string): Promise<number[]> {
  const worker = new Worker({ config: { concurrency: 4, pollMs: 100, groupPureSteps: Number(group) }, sweepMs: 0, log: () => {} }).start();
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const runId = await enqueueRuns(workflowId, graph, { amount: 3 }, 1, designer.id, true);
      for (;;) {
        const run = await WorkflowExecution.findById(runId, { status: 1, createdAt: 1, endedAt: 1 }).lean();
        if (run?.endedAt && ["completed", "failed", "cancelled"].includes(run.status)) {
          times.push(run.endedAt.getTime() - run.createdAt.getTime());
          break;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
    }
  } finally {
    await worker.stop(1_000);
  }
  return times.slice(Math.min(5, Math.floor(count / 10))); // the first few warm the process up
}

function sleeper(): WorkflowGraph {
  return { nodes: [startNode(), n("wait", "timer", { mode: "until", until: "$millis() + 86400000" }), endNode()], edges: [e("start", "wait"), e("wait", "end")] };
}

function fanOut(branches: number): WorkflowGraph {
  const nodes = [startNode(), n("split", "parallel", { mode: "split" }), n("join", "parallel", { mode: "join" }), endNode()];
  const edges = [e("start", "split"), e("join", "end")];
  for (let i = 0; i < branches; i++) {
    nodes.push(setNode(`b${i}`, `v${i}`, `${i} * 2`));
    edges.push({ ...e("split", `b${i}`), id: `s${i}` }, { ...e(`b${i}`, "join"), id: `j${i}` });
  }
  return { nodes, edges };
}

/** The measured workflow's steps (the runs asleep beside it have theirs too) and their cycle times. */
async function cycles(workflowId: string): Promise<{ steps: number; p50: number; p95: number }> {
  const runs = new Set((await WorkflowExecution.find({ workflowId }, { _id: 1 }).lean()).map((r) => String(r._id)));
  const events = (await EventLog.find({ type: "node_start" }, { runId: 1, seq: 1, at: 1 }).lean()).filter((ev) => runs.has(ev.runId));
  const byRun = new Map<string, number[]>();
  for (const ev of events) (byRun.get(ev.runId) ?? byRun.set(ev.runId, []).get(ev.runId)!).push(ev.at.getTime());
  const gaps: number[] = [];
  for (const times of byRun.values()) {
    times.sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) gaps.push(times[i] - times[i - 1]);
  }
  return { steps: events.length, p50: percentile(gaps, 50), p95: percentile(gaps, 95) };
}

async function configuration(workerCount: number, group: string, parking: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-"));
  const db = await startFerretDB({ binary: ensureFerretDB({ toolsDir: TOOLS_DIR }), dataDir });
  const uri = `mongodb://127.0.0.1:${db.port}/bench`;
  await mongoose.connect(uri);
  const workers: ChildProcess[] = [];
  try {
    if (WAITING > 0) {
      const sleeperId = await storeWorkflow(designer, sleeper());
      await enqueueRuns(sleeperId, sleeper(), {}, WAITING, designer.id);
      workers.push(...(await startWorkerProcesses(workerCount, uri, { SWITCHYARD_WORKER_CONCURRENCY: CONCURRENCY, SWITCHYARD_GROUP_PURE_STEPS: group, SWITCHYARD_PARK_AHEAD_MS: PARK_AHEAD[parking] })));
      await drained(60 * 60_000);
      await stopWorkerProcesses(workers);
    }
    const service = SHAPE === "http" ? await startService() : null;
    const graph = service ? httpChain(service.url) : fixture("bench-20");
    const benchId = await storeWorkflow(designer, graph);
    const enqueueMs = await enqueueRuns(benchId, graph, { amount: 3 }, RUNS, designer.id);
    workers.push(...(await startWorkerProcesses(workerCount, uri, { SWITCHYARD_WORKER_CONCURRENCY: CONCURRENCY, SWITCHYARD_GROUP_PURE_STEPS: group, SWITCHYARD_PARK_AHEAD_MS: PARK_AHEAD[parking] })));
    const startedAt = Date.now();
    await drained(30 * 60_000);
    const runMs = (await lastEnd(benchId)) - startedAt;
    const completed = await WorkflowExecution.countDocuments({ workflowId: benchId, status: "completed" });
    const { steps, p50, p95 } = await cycles(benchId);
    const inQueue = await RunQueue.estimatedDocumentCount();
    await stopWorkerProcesses(workers);
    const latencies = LATENCY_RUNS > 0 ? await latency(benchId, graph, LATENCY_RUNS, group) : [];
    const effects = service?.calls() ?? 0;
    await service?.close();
    workers.push(...(await startWorkerProcesses(workerCount, uri, { SWITCHYARD_WORKER_CONCURRENCY: CONCURRENCY, SWITCHYARD_GROUP_PURE_STEPS: group, SWITCHYARD_PARK_AHEAD_MS: PARK_AHEAD[parking] })));

    const fanId = await storeWorkflow(designer, fanOut(200));
    await enqueueRuns(fanId, fanOut(200), {}, 1, designer.id);
    await drained(10 * 60_000);
    const fan = await WorkflowExecution.findOne({ workflowId: fanId }).lean();
    const fanMs = fan?.startedAt && fan.endedAt ? fan.endedAt.getTime() - fan.startedAt.getTime() : NaN;
    return { workerCount, group, parking, inQueue, latencies, effects, enqueueMs, runMs, completed, steps, p50, p95, fanMs, fanStatus: fan?.status, fanSteps: fan?.metrics?.nodeCount ?? 0 };
  } finally {
    await stopWorkerProcesses(workers);
    await mongoose.disconnect();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const rows = [];
  for (const parking of PARKING) {
    for (const group of GROUPS) {
      for (const count of WORKER_COUNTS) {
        const beside = WAITING > 0 ? ` beside ${WAITING} runs asleep (parking ${parking})` : "";
        console.log(`… ${RUNS} runs with ${count} worker process(es), ${CONCURRENCY} runs each at once, up to ${group} pure step(s) per checkpoint${beside}`);
        rows.push(await configuration(count, group, parking));
      }
    }
  }
  console.log(`\n(${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at the end)`);
  console.log(`workflow: ${SHAPE === "http" ? "20 steps, every other one an HTTP POST to 127.0.0.1 (10 effects per run)" : "the 20-step set/decision fixture (bench-20)"}`);
  console.log("steps/checkpoint | workers | asleep beside (parking) | queue entries left | runs done | enqueue (ms/run) | runs/s | persisted steps/s | step cycle p50 / p95 (ms) | HTTP calls | trigger → end, one run at a time, p50 / p95 (ms) | 200-branch fan-out");
  for (const r of rows) {
    const secs = r.runMs / 1_000;
    console.log(
      `≤${r.group} | ${r.workerCount} | ${WAITING} (${r.parking}) | ${r.inQueue} | ${r.completed}/${RUNS} | ${(r.enqueueMs / RUNS).toFixed(1)} | ${(r.completed / secs).toFixed(1)} | ${(r.steps / secs).toFixed(0)} | ${r.p50} / ${r.p95} | ${r.effects} | ${r.latencies.length ? `${percentile(r.latencies, 50)} / ${percentile(r.latencies, 95)} (${r.latencies.length} runs)` : "—"} | ${r.fanStatus} in ${(r.fanMs / 1000).toFixed(1)} s (${r.fanSteps} steps, ${(r.fanSteps / (r.fanMs / 1000)).toFixed(0)} steps/s)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
