// The dashboard's speed on the embedded database: `npm run bench:dashboard`.
// For each size (BENCH_SIZES, default "10000,100000,1000000") a fresh FerretDB gets 20
// workflows and that many ended runs over the last 90 days. The runs are generated straight
// into roll-ups (not run through the engine: a million engine runs take hours here): each
// synthetic execution_histories record goes through the same contributionOf/addStats as a
// real run's end, so the day documents are what real runs would leave. With BENCH_HISTORIES=1
// the history records are inserted too (for the runs explorer; slow for the largest size).
// Then the dashboard's data (lib/dashboard/queries.ts loadDashboard, what the page calls) is
// timed for 7, 30 and 90 days, 9 times each after one warm-up: median and worst. Past days are
// kept in the process by fold version (lib/rollups/store.ts); "today folded here/elsewhere"
// give today's day a new version before each view (runs ended since the last one), written by
// this process or by another one; the last line reads
// every day afresh, as the first view after a start (or a rebuild) does.
// With BENCH_PAGE=1 (needs `npx next build`) the built app is started on the 100,000-run
// database and Chromium times /dashboard?range=90d from navigation to the charts drawn.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { ensureFerretDB, freePort, startFerretDB } from "../lib/db/ferretdb.mjs";
import { hashPassword } from "../lib/auth/password";
import { parseFilters } from "../lib/dashboard/params";
import { loadDashboard } from "../lib/dashboard/queries";
import { addToDay, contributionOf, rollupDay, type HistoryLike, type WorkflowDay } from "../lib/rollups/stats";
import { rng, syntheticRun } from "./lib/synthetic-runs";
import { readDays, writeDay } from "../lib/rollups/store";
import { ExecutionHistory } from "../models/ExecutionHistory";
import { User } from "../models/User";
import { Workflow } from "../models/Workflow";
import { encodeGraph } from "../models/graph-codec";
import { defaultSettings } from "../lib/workflow/schema";

const ROOT = path.resolve(__dirname, "..");
const SIZES = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const WITH_HISTORIES = process.env.BENCH_HISTORIES === "1";
const WITH_PAGE = process.env.BENCH_PAGE === "1";
async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function measure(label: string, fn: () => Promise<unknown>, before: () => Promise<unknown> = async () => {}) {
  await before();
  await fn();
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    await before();
    times.push(await timed(fn));
  }
  times.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(28)} median ${times[4].toFixed(0).padStart(5)} ms   worst ${times[8].toFixed(0).padStart(5)} ms`);
  return times[4];
}

async function pageTime(uri: string, email: string, password: string) {
  const port = await freePort();
  const server = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, MONGODB_URI: uri, SWITCHYARD_WORKER: "off", NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", CREDENTIALS_KEY: Buffer.alloc(32, 7).toString("base64"), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  try {
    const base = `http://localhost:${port}`;
    for (let i = 0; i < 120 && !(await fetch(`${base}/login`).then((r) => r.ok).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 500));
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("user-menu").waitFor();
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      await page.goto(`${base}/dashboard?range=90d`);
      await page.locator("[data-testid=charts] .recharts-surface").first().waitFor();
      await page.getByTestId("workflow-table").waitFor();
      times.push(performance.now() - t);
    }
    const footnote = await page.getByTestId("server-time").textContent();
    const html: number[] = [];
    const settings: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      await page.request.get(`${base}/dashboard?range=90d`).then((r) => r.text());
      html.push(performance.now() - t);
      t = performance.now();
      await page.goto(`${base}/settings`);
      settings.push(performance.now() - t);
    }
    html.sort((a, b) => a - b);
    settings.sort((a, b) => a - b);
    console.log(`  the same page's HTML, fully streamed: median ${html[2].toFixed(0)} ms; for comparison /settings in Chromium: median ${settings[2].toFixed(0)} ms`);
    await browser.close();
    const warm = times.slice(1).sort((a, b) => a - b);
    console.log(`  page /dashboard?range=90d in Chromium: median ${warm[2].toFixed(0)} ms, worst ${warm[4].toFixed(0)} ms (first, cold: ${times[0].toFixed(0)} ms); ${footnote?.trim()}`);
  } finally {
    server.kill("SIGTERM");
  }
}

async function benchSize(size: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-dash-"));
  const db = await startFerretDB({ binary: ensureFerretDB({ toolsDir: path.join(ROOT, ".tools") }), dataDir });
  try {
    await mongoose.connect(`${db.uri}`, { serverSelectionTimeoutMS: 5000 });
    const password = "bench-password-1";
    const manager = await User.create({ email: "manager@bench.local", name: "Bench Manager", roles: ["manager"], passwordHash: await hashPassword(password), active: true });
    const owner = String(manager._id);
    const graph = { nodes: [], edges: [] };
    const workflowIds: string[] = [];
    for (let w = 0; w < 20; w++) {
      const doc = await Workflow.create({ name: `Bench workflow ${String(w + 1).padStart(2, "0")}`, ...encodeGraph(graph), nodeCount: 0, edgeCount: 0, settings: defaultSettings, metadata: { creator: owner, lastEditor: owner }, permissions: { owners: [owner] } });
      workflowIds.push(String(doc._id));
    }
    const rand = rng(size);
    const now = Date.now();
    const days = new Map<string, WorkflowDay[]>();
    let batch: HistoryLike[] = [];
    const genStart = performance.now();
    for (let i = 0; i < size; i++) {
      const h = syntheticRun(i, workflowIds, rand, now);
      const day = rollupDay(h.endedAt);
      days.set(day, addToDay(days.get(day) ?? [], String(h.workflowId), contributionOf(h)));
      if (WITH_HISTORIES) {
        batch.push(h);
        if (batch.length === 2_000) {
          await ExecutionHistory.insertMany(batch.map((b) => ({ ...b, startedAt: new Date(b.endedAt.getTime() - (b.duration ?? 0)), version: 1 })));
          batch = [];
        }
      }
    }
    if (batch.length) await ExecutionHistory.insertMany(batch.map((b) => ({ ...b, startedAt: new Date(b.endedAt.getTime() - (b.duration ?? 0)), version: 1 })));
    const v = Date.now();
    for (const [day, workflows] of days) await writeDay(day, workflows, v, []);
    const values = [...days.values()].flat().reduce((s, w) => s + JSON.stringify(w.stats).split(/[,[{]/).length, 0);
    const pairs = [...days.values()].reduce((s, w) => s + w.length, 0);
    console.log(`\n${size.toLocaleString("en-US")} runs → ${days.size} day documents holding ${pairs} workflow-days (~${values.toLocaleString("en-US")} stored values), generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s${WITH_HISTORIES ? " with histories" : ""}`);
    const actor = { id: owner, roles: ["manager" as const], active: true };
    if (process.env.BENCH_BREAKDOWN === "1") {
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        const raw = await mongoose.connection.collection("workflow_daily_stats").find({}).toArray();
        const tp = performance.now();
        await mongoose.connection.collection("rollup_heads").find({}).toArray();
        console.log(`  breakdown: versions (rollup_heads) ${(performance.now() - tp).toFixed(0)} ms`);
        const t1 = performance.now();
        const lean = await readDays("2000-01-01", "2100-01-01");
        const t2 = performance.now();
        await Workflow.find({}, { name: 1, permissions: 1 }).lean();
        const t3 = performance.now();
        const { aggregate } = await import("../lib/dashboard/aggregate");
        aggregate(lean, parseFilters({ range: "90d" }).periods, new Map());
        const t4 = performance.now();
        console.log(`  breakdown: driver find ${(t1 - t0).toFixed(0)} ms (${raw.length} docs), read + unpack ${(t2 - t1).toFixed(0)} ms, workflows ${(t3 - t2).toFixed(0)} ms, aggregate ${(t4 - t3).toFixed(0)} ms`);
      }
    }
    for (const range of ["7d", "30d", "90d"]) await measure(`dashboard data, ${range}`, () => loadDashboard(actor, parseFilters({ range })));
    await measure("dashboard data, 90d, 1 workflow", () => loadDashboard(actor, parseFilters({ range: "90d", workflow: workflowIds[0] })));
    // What a view usually meets: runs ended since the last view, so today's day has a new version,
    // written by this process (its worker or the view's own fold) or by another (npm run worker).
    const today = new Date().toISOString().slice(0, 10);
    let bump = v;
    await measure("90d, today folded here", () => loadDashboard(actor, parseFilters({ range: "90d" })), () => writeDay(today, days.get(today) ?? [], ++bump, []));
    const elsewhere = async () => {
      bump += 1;
      await mongoose.connection.collection<{ _id: string }>("rollup_heads").updateOne({ _id: today.slice(0, 4) }, { $set: { [`days.${today}`]: bump } });
      await mongoose.connection.collection<{ _id: string }>("workflow_daily_stats").updateOne({ _id: today }, { $set: { v: bump } });
    };
    await measure("90d, today folded elsewhere", () => loadDashboard(actor, parseFilters({ range: "90d" })), elsewhere);
    await measure("90d, no day cache (cold)", () => loadDashboard(actor, parseFilters({ range: "90d" }), { cache: false }));
    if (WITH_PAGE && size === 100_000) await pageTime(db.uri, "manager@bench.local", password);
  } finally {
    await mongoose.disconnect();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`Dashboard benchmark on the embedded FerretDB (${os.cpus().length} cores, Node ${process.version})`);
  for (const size of SIZES) await benchSize(size);
}

main().then(() => process.exit(0)).catch((err) => {
  console.error(err);
  process.exit(1);
});
