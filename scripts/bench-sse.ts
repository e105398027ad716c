// How long a run's event takes to reach a browser over Server-Sent Events:
// `npm run bench:sse`. Starts the real app (scripts/start.mjs: built Next.js server on a fresh
// embedded database), signs in with Chromium, and follows BENCH_RUNS runs of a timer then 20
// set steps through /api/runs/<id>/events. For each event that happens after the stream is open,
// the delay is the browser's arrival time minus the event's own time (`at`, taken by the engine
// before the step is persisted), so the figure includes persisting the step. Two layouts:
//   in-process: the web server's own worker runs the steps (events reach the stream through the bus);
//   separate worker: the web server runs no worker (SWITCHYARD_WORKER=off) and `scripts/worker.ts`
//   runs them in another process (the stream learns of them by polling the run's head).
//   BENCH_RUNS (20)  BENCH_LAYOUTS ("in-process,separate")
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import mongoose from "mongoose";
import { chromium, type Page } from "@playwright/test";
import { enqueueRun } from "../lib/runtime/enqueue";
import { snapshotDraft } from "../lib/runtime/graphs";
import { e, endNode, n, setNode, startNode, storeWorkflow } from "../lib/runtime/test-support";
import { defaultSettings } from "../lib/workflow/schema";
import type { WorkflowGraph } from "../lib/workflow/types";
import { User } from "../models/User";
import type { Role } from "../lib/auth/roles";
import { percentile, startBenchApp } from "./lib/bench-utils";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const LAYOUTS = (process.env.BENCH_LAYOUTS ?? "in-process,separate").split(",");

function timedChain(): WorkflowGraph {
  const nodes = [startNode(), n("wait", "timer", { mode: "delay", delaySeconds: 1 })];
  const edges = [e("start", "wait")];
  let previous = "wait";
  for (let i = 0; i < 20; i++) {
    nodes.push(setNode(`s${i}`, `v${i}`, `${i} + 1`));
    edges.push(e(previous, `s${i}`));
    previous = `s${i}`;
  }
  nodes.push(endNode());
  edges.push(e(previous, "end"));
  return { nodes, edges };
}

/** Opens the run's event stream in the page and resolves with each event's delay (ms) once the run ends. */
function followInBrowser(page: Page, runId: string): Promise<number[]> {
  return page.evaluate(
    (id) =>
      new Promise<number[]>((resolve, reject) => {
        const source = new EventSource(`/api/runs/${id}/events`);
        let openedAt = Infinity;
        const delays: number[] = [];
        source.onopen = () => (openedAt = Math.min(openedAt, Date.now()));
        source.addEventListener("run", (m) => {
          const arrived = Date.now();
          const event = JSON.parse((m as MessageEvent<string>).data) as { at: string };
          const at = Date.parse(event.at);
          if (at >= openedAt) delays.push(arrived - at);
        });
        source.addEventListener("end", () => (source.close(), resolve(delays)));
        setTimeout(() => (source.close(), reject(new Error("the run did not end in 60 s"))), 60_000);
      }),
    runId,
  );
}

async function layout(name: string) {
  const separate = name === "separate";
  const app = await startBenchApp({ SWITCHYARD_WORKER: separate ? "off" : "on" });
  let worker: ChildProcess | null = null;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"] });
  try {
    if (separate) {
      const secrets = JSON.parse(readFileSync(path.join(app.dataDir, "secrets.json"), "utf8")) as Record<string, string>;
      worker = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], { cwd: ROOT, env: { ...process.env, ...secrets, MONGODB_URI: app.dbUri }, stdio: ["ignore", "ignore", "inherit"] });
    }
    await mongoose.connect(app.dbUri);
    const admin = app.demoUser("admin");
    const adminDoc = await User.findOne({ email: admin.email }).lean();
    const owner = { id: String(adminDoc!._id), roles: adminDoc!.roles as Role[], active: true };
    const graph = timedChain();
    const workflowId = await storeWorkflow(owner, graph);
    const draft = snapshotDraft(workflowId, graph, defaultSettings);

    const page = await browser.newPage({ baseURL: app.base });
    await page.goto("/login");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("user-menu").waitFor();

    const delays: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = await enqueueRun({
        meta: { workflowId, workflowName: "bench-sse", version: null, graphId: draft.graphId, depth: 0, parentExecutionId: null, parentStepId: null, parentAttempt: null, trigger: { type: "test", by: owner.id } },
        version: draft.version,
        input: {},
        beforeInsert: draft.store,
      });
      if (!started.ok) throw new Error(started.message);
      delays.push(...(await followInBrowser(page, started.runId)));
    }
    return { name, events: delays.length, p50: percentile(delays, 50), p95: percentile(delays, 95), max: Math.max(...delays) };
  } finally {
    await browser.close();
    await mongoose.disconnect();
    worker?.kill("SIGTERM");
    await app.stop();
  }
}

async function main() {
  const rows = [];
  for (const name of LAYOUTS) {
    console.log(`… ${RUNS} runs followed over SSE, worker ${name === "separate" ? "in another process" : "in the web server"}`);
    rows.push(await layout(name));
  }
  console.log("\nworker | events measured | delay p50 (ms) | p95 (ms) | max (ms)");
  for (const r of rows) console.log(`${r.name} | ${r.events} | ${r.p50} | ${r.p95} | ${r.max}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
