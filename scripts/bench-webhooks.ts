// Webhook → run started, and schedule accuracy, on the embedded database:
// `npm run bench:webhooks`. A fresh FerretDB; a webhook server process (tests/hook-server.ts: the
// route's handler behind node:http; it runs no worker, so it hands its deliveries to the worker
// processes, as a web server with SWITCHYARD_WORKER=off does) and one worker process
// (scripts/worker.ts: picks up the deliveries and runs their runs, the scheduler and the recovery
// pass). For concurrency 1, 10 and 50 it sends BENCH_REQUESTS token-authenticated JSON deliveries
// over kept-alive connections (opened, with one delivery each whose runs end first, before the
// level is timed) and prints p50/p95 latency to the 202, accepted deliveries/s, how many
// acknowledged deliveries have no run after 60 s (lost), and how long after the last 202 every
// run existed and every run had ended (the next level starts after that, on a quiet database).
// Then a schedule firing every second for BENCH_FIRES fires: lateness of each fire (claim time
// minus fire time) p50/p95/max.
//   BENCH_REQUESTS (500)  BENCH_LEVELS ("1,10,50")  BENCH_FIRES (30)  BENCH_WORKER_DB_CONNECTIONS (20)
//   BENCH_SERVER ("hook"; "next": the app itself through `next start`, built first when needed)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { ensureFerretDB, startFerretDB } from "../lib/db/ferretdb.mjs";
import { e, endNode, n, startNode, storeWorkflow } from "../lib/runtime/test-support";
import { createTrigger } from "../lib/triggers/service";
import { person } from "../lib/workflows/test-fixtures";
import { publishWorkflow } from "../lib/workflows/service";
import { Trigger } from "../models/Trigger";
import { TriggerFire } from "../models/TriggerFire";
import { WorkflowExecution } from "../models/WorkflowExecution";
import { percentile } from "./lib/bench-utils";

const ROOT = path.resolve(__dirname, "..");
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const LEVELS = (process.env.BENCH_LEVELS ?? "1,10,50").split(",").map(Number);
const FIRES = Number(process.env.BENCH_FIRES ?? 30);
/** "hook" (tests/hook-server.ts) or "next" (the app, `next start`). */
const SERVER = process.env.BENCH_SERVER ?? "hook";
if (SERVER !== "hook" && SERVER !== "next") throw new Error(`BENCH_SERVER must be "hook" or "next", not "${SERVER}".`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** The worker process's database connections (SWITCHYARD_WORKER_DB_CONNECTIONS; the product's default is 20). */
const WORKER_CONNECTIONS = Number(process.env.BENCH_WORKER_DB_CONNECTIONS ?? 20);

function spawnTsx(script: string, env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  return spawnReady(["--import", "tsx", "--conditions=react-server", script], env, ready);
}

/** A Node process started with `args`, once a line of its output matches `ready`. */
function spawnReady(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const script = args.at(-1)!;
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      const line = d.toString();
      if (ready.test(line)) resolve({ child, line });
    });
    child.once("exit", (code) => reject(new Error(`${script} exited (${code})`)));
  });
}

/**
 * One POST over a kept-alive connection of `agent`: node:http rather than fetch, whose own CPU on
 * these same two cores was part of what the first versions of this benchmark measured.
 */
function post(agent: http.Agent, url: URL, token: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function level(url: string, token: string, concurrency: number, requests = REQUESTS, agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })) {
  const latencies: number[] = [];
  const runIds: string[] = [];
  const failures = new Map<number, number>();
  const target = new URL(url);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        const t0 = performance.now();
        const res = await post(agent, target, token, JSON.stringify({ amount: i, note: "bench" }));
        latencies.push(performance.now() - t0);
        const runId = res.status === 202 ? (JSON.parse(res.body) as { runId?: string }).runId : undefined;
        if (runId) runIds.push(runId);
        else failures.set(res.status, (failures.get(res.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { concurrency, p50: percentile(latencies, 50), p95: percentile(latencies, 95), perSecond: runIds.length / seconds, runIds, failures };
}

/**
 * Acknowledged deliveries with no run after `timeoutMs` (lost), how long after the last 202 every
 * run existed, and how long until every run had ended.
 */
async function lost(runIds: string[], timeoutMs = 60_000): Promise<{ lost: number; startedWithinMs: number; endedWithinMs: number | null }> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let startedWithinMs: number | null = null;
  for (;;) {
    if (startedWithinMs === null) {
      const found = await WorkflowExecution.countDocuments({ _id: { $in: runIds } });
      if (found === runIds.length) startedWithinMs = Date.now() - started;
      else if (Date.now() > deadline) return { lost: runIds.length - found, startedWithinMs: Date.now() - started, endedWithinMs: null };
    }
    if (startedWithinMs !== null) {
      const ended = await WorkflowExecution.countDocuments({ _id: { $in: runIds }, status: { $in: ["completed", "failed", "cancelled"] } });
      if (ended === runIds.length) return { lost: 0, startedWithinMs, endedWithinMs: Date.now() - started };
      if (Date.now() > deadline + timeoutMs) return { lost: 0, startedWithinMs, endedWithinMs: null };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-hooks-"));
  const db = await startFerretDB({ binary: ensureFerretDB({ toolsDir: path.join(ROOT, ".tools") }), dataDir });
  const uri = `mongodb://127.0.0.1:${db.port}/bench`;
  const env = { MONGODB_URI: uri, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), CREDENTIALS_KEY: randomBytes(32).toString("base64"), NEXT_TELEMETRY_DISABLED: "1" };
  Object.assign(process.env, env);
  await mongoose.connect(uri);
  const children: ChildProcess[] = [];
  try {
    const designer = await person("bench@example.com", ["designer"]);
    const workflowId = await storeWorkflow(designer, {
      nodes: [startNode([{ name: "amount", type: "number", required: true }]), n("set", "set", { assignments: [{ variable: "x", expression: "amount + 1" }] }), endNode("end", [{ key: "x", expression: "$vars.x" }])],
      edges: [e("start", "set"), e("set", "end")],
    });
    const published = await publishWorkflow(designer, { id: workflowId });
    if (!published.ok) throw new Error(published.message);
    const hook = await createTrigger(designer, { workflowId, kind: "webhook", webhook: { methods: ["POST"], auth: "token", ratePerMinute: 100_000 } });
    if (!hook.ok) throw new Error(hook.message);

    // BENCH_SERVER=next: the app itself (`npm start`'s script: a build when the sources changed,
    // then `next start`, proxy.ts included) with SWITCHYARD_WORKER=off; else the route's handler
    // behind node:http (tests/hook-server.ts), which also runs no worker.
    const server =
      SERVER === "next"
        ? await spawnReady(["scripts/start.mjs"], { ...env, PORT: String(await freePort()), SWITCHYARD_WORKER: "off", SWITCHYARD_DATA_DIR: path.join(dataDir, "app") }, /listening on http:\/\/localhost:\d+/)
        : await spawnTsx("tests/hook-server.ts", env, /listening \d+/);
    children.push(server.child);
    const port = Number(/listening (?:on http:\/\/localhost:)?(\d+)/.exec(server.line)![1]);
    const worker = await spawnTsx("scripts/worker.ts", { ...env, SWITCHYARD_WORKER_CONCURRENCY: "8", SWITCHYARD_WORKER_DB_CONNECTIONS: String(WORKER_CONNECTIONS) }, /running/);
    children.push(worker.child);
    const url = `http://127.0.0.1:${port}${hook.trigger.webhook!.path}`;

    // Warm-up (module loading, connection pools, graph cache), and its runs ended before the first level.
    await lost((await level(url, hook.secret!.value, 5, 50)).runIds);
    const rows = [];
    for (const concurrency of LEVELS) {
      // The level's connections are opened (and their runs ended) before it is measured, as a
      // sender that keeps sending has them open.
      const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
      await lost((await level(url, hook.secret!.value, concurrency, concurrency, agent)).runIds);
      const row = await level(url, hook.secret!.value, concurrency, REQUESTS, agent);
      agent.destroy();
      rows.push({ ...row, ...(await lost(row.runIds)) });
      console.log(`… concurrency ${concurrency}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, ${row.perSecond.toFixed(0)}/s`);
    }

    await Trigger.updateOne({ _id: hook.trigger.id }, { $set: { enabled: false } });
    const schedule = await createTrigger(designer, { workflowId, kind: "schedule", schedule: { cron: "* * * * * *", timezone: "UTC" } });
    if (!schedule.ok) throw new Error(schedule.message);
    // The Start node requires `amount`: a schedule's runs are refused by the input check, which
    // does not change when the fire time is claimed (what lateness measures).
    const deadline = Date.now() + (FIRES + 30) * 1000;
    while ((await TriggerFire.countDocuments({ triggerId: schedule.trigger.id })) < FIRES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1_000));
    const fires = await TriggerFire.find({ triggerId: schedule.trigger.id }).lean();
    const lateness = fires.map((f) => f.firedAt.getTime() - f.fireTime.getTime());

    console.log(`\nwebhook → run started (${REQUESTS} deliveries per level, token auth, JSON body, kept-alive connections; one ${SERVER === "next" ? "next start" : "hook-server"} process without a worker + one worker process with ${WORKER_CONNECTIONS} database connections)`);
    console.log("concurrency | p50 to 202 (ms) | p95 to 202 (ms) | accepted/s | refused | lost | every run started, after the last 202 | every run ended, after the last 202");
    for (const r of rows) {
      console.log(`${r.concurrency} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.perSecond.toFixed(0)} | ${[...r.failures].map(([s, c]) => `${c}×${s}`).join(", ") || 0} | ${r.lost} | ${(r.startedWithinMs / 1000).toFixed(1)} s | ${r.endedWithinMs === null ? "not within 2 min" : `${(r.endedWithinMs / 1000).toFixed(1)} s`}`);
    }
    console.log(`\nschedule every second, ${fires.length} fires: lateness p50 ${percentile(lateness, 50)} ms, p95 ${percentile(lateness, 95)} ms, max ${Math.max(...lateness)} ms`);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1_000));
    await mongoose.disconnect();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
