// Designer speed, measured: `npm run bench:designer`.
// Starts the app on a fresh embedded database, stores generated workflows of 30, 1,000 and 5,000
// nodes, then prints: stored document size, autosave server time (p50/p95 of saveGraph, the
// function behind the autosave action), time to an interactive canvas in Chromium, and frames
// per second while dragging a node and panning (requestAnimationFrame callbacks counted).
//
// `npm run bench:designer -- --autosave-only [--nodes=30,1000]` measures only the stored size and
// the autosave, on a bare embedded database: no app build, no browser (a minute, not ten).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { chromium, type Page } from "@playwright/test";
import { syntheticWorkflow } from "../lib/workflow/synthetic";
import { createWorkflow, saveGraph } from "../lib/workflows/service";
import { User } from "../models/User";
import type { Actor } from "../lib/auth/roles";
import { percentile, startBenchApp } from "./lib/bench-utils";
import { ensureFerretDB, startFerretDB } from "../lib/db/ferretdb.mjs";
import { TOOLS_DIR } from "./lib/paths.mjs";

const args = process.argv.slice(2);
const AUTOSAVE_ONLY = args.includes("--autosave-only");
const NODE_COUNTS = (args.find((a) => a.startsWith("--nodes="))?.slice("--nodes=".length) ?? "30,1000,5000")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 2);

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];


async function storeWorkflow(actor: Actor, nodes: number) {
  const created = await createWorkflow(actor, { name: `Bench ${nodes} nodes` });
  if (!created.ok) throw new Error(created.message);
  const graph = syntheticWorkflow(nodes);
  const times: number[] = [];
  let revision = 1;
  for (let i = 0; i < 23; i++) {
    graph.nodes[1].position.x += 10; // a moved node: what an autosave after a drag sends
    const t0 = performance.now();
    const res = await saveGraph(actor, { id: created.id, revision, ...graph });
    times.push(performance.now() - t0);
    if (!res.ok) throw new Error("message" in res ? res.message : "conflict");
    revision = res.revision;
  }
  const raw = await mongoose.connection.db!.collection("workflows").findOne({ _id: new mongoose.Types.ObjectId(created.id) });
  const bytes = mongoose.mongo.BSON.calculateObjectSize(raw!);
  return { id: created.id, save: times.slice(3), bytes };
}

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("user-menu").waitFor();
}

const RESPONSE_END = "performance.getEntriesByType('navigation')[0].responseEnd";

/**
 * ms from navigation start until nodes are on screen and the page has painted twice; and
 * until the server's response had fully arrived, to tell server time from browser time.
 */
async function openCanvas(page: Page, url: string) {
  await page.goto(url);
  await page.locator(".react-flow__node").first().waitFor({ timeout: 60_000 });
  const interactive = (await page.evaluate(AFTER_TWO_PAINTS)) as number;
  const responseEnd = (await page.evaluate(RESPONSE_END)) as number;
  const mounted = await page.locator(".react-flow__node").count();
  return { interactive, responseEnd, mounted };
}

// Page scripts are passed as strings: tsx's name-keeping helpers do not exist in the page.
const START_COUNTING = `(() => {
  window.__frames = 0;
  window.__counting = true;
  const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_COUNTING = "(() => { window.__counting = false; return window.__frames; })()";
const AFTER_TWO_PAINTS = "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))";

async function framesWhile(page: Page, action: () => Promise<void>) {
  await page.evaluate(START_COUNTING);
  const t0 = Date.now();
  await action();
  const seconds = (Date.now() - t0) / 1000;
  const frames = (await page.evaluate(STOP_COUNTING)) as number;
  return frames / seconds;
}

async function drag(page: Page, selector: string, dx: number, dy: number, steps = 90) {
  const box = (await page.locator(selector).first().boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

const autosaveCells = (stored: { bytes: number; save: number[] }) => [
  `${(stored.bytes / 1024).toFixed(0)} KB`,
  `${percentile(stored.save, 50).toFixed(0)} / ${percentile(stored.save, 95).toFixed(0)} ms`,
];

function printTable(header: string[], rows: string[][]) {
  console.log(`\n| ${header.join(" | ")} |\n| ${header.map(() => "---").join(" | ")} |`);
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
}

/** Stored size and autosave time only, against a bare embedded database. */
async function autosaveOnly() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-"));
  const db = await startFerretDB({ binary: ensureFerretDB({ toolsDir: TOOLS_DIR }), dataDir });
  try {
    await mongoose.connect(`mongodb://127.0.0.1:${db.port}/switchyard`);
    const actor: Actor = { id: String(new mongoose.Types.ObjectId()), roles: ["designer"], active: true };
    const rows: string[][] = [];
    for (const nodes of NODE_COUNTS) rows.push([`${nodes.toLocaleString("en")} nodes`, ...autosaveCells(await storeWorkflow(actor, nodes))]);
    printTable(["workflow", "stored document", "autosave server p50 / p95"], rows);
  } finally {
    await mongoose.disconnect().catch(() => {});
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  if (AUTOSAVE_ONLY) return autosaveOnly();
  const app = await startBenchApp();
  const { base } = app;
  try {
    await mongoose.connect(app.dbUri);
    const designer = app.demoUser("designer");
    const user = await User.findOne({ email: designer.email }).lean();
    const actor: Actor = { id: String(user!._id), roles: ["designer"], active: true };

    const rows: string[][] = [];
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, base, designer.email, designer.password);
    for (const nodes of NODE_COUNTS) {
      const stored = await storeWorkflow(actor, nodes);
      await openCanvas(page, `${base}/workflows/${stored.id}`); // warm the route once
      const opens: { interactive: number; responseEnd: number; mounted: number }[] = [];
      for (let i = 0; i < 3; i++) opens.push(await openCanvas(page, `${base}/workflows/${stored.id}`));
      const median = (key: "interactive" | "responseEnd") => percentile(opens.map((o) => o[key]), 50).toFixed(0);
      const dragFps = await framesWhile(page, () => drag(page, ".react-flow__node", 220, 120));
      const panFps = await framesWhile(page, () => drag(page, ".react-flow__pane", -400, -250));
      rows.push([
        `${nodes.toLocaleString("en")} nodes`,
        ...autosaveCells(stored),
        `${median("interactive")} ms (page received at ${median("responseEnd")} ms; ${opens[0].mounted} nodes mounted)`,
        `${dragFps.toFixed(0)} fps`,
        `${panFps.toFixed(0)} fps`,
      ]);
    }
    await browser.close();
    printTable(["workflow", "stored document", "autosave server p50 / p95", "open → interactive (p50 of 3)", "drag a node", "pan"], rows);
  } finally {
    await mongoose.disconnect().catch(() => {});
    await app.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
