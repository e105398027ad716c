// Inbox speed, measured: `npm run bench:inbox`.
// Starts the built app on a fresh embedded database (its in-process worker off), stores 10,000
// open tasks offered to the approver role (plus 2,000 finished ones), then prints:
//  - what a plain query of human_tasks costs on the embedded FerretDB (why the inbox reads memory),
//  - the task index's one-time load, and the first inbox page's server time in this process
//    (taskRows + inboxPage: what /inbox and /api/inbox run), p50/p95 for several views,
//  - GET /api/inbox and /api/inbox/summary over HTTP from the signed-in approver, p50/p95,
//  - frames per second in Chromium while wheel-scrolling the virtualised list of 10,000 tasks.
//   BENCH_TASKS (10000)
import mongoose from "mongoose";
import { chromium, type Page } from "@playwright/test";
import { inboxPage, inboxParamsSchema, type InboxViewer } from "../lib/tasks/inbox-query";
import { taskRows } from "../lib/tasks/open-index";
import { HumanTask } from "../models/HumanTask";
import { User } from "../models/User";
import { percentile, startBenchApp } from "./lib/bench-utils";
import { insertSyntheticTasks } from "./lib/synthetic-tasks";

const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const fmt = (xs: number[]) => `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 95).toFixed(1)} ms`;


async function seed(count: number) {
  const workflows = Array.from({ length: 8 }, (_, i) => ({ id: new mongoose.Types.ObjectId().toHexString(), name: `Workflow ${i + 1}` }));
  const t0 = performance.now();
  await insertSyntheticTasks(count, "pending", workflows);
  await insertSyntheticTasks(2_000, "completed", workflows);
  return performance.now() - t0;
}

async function timed<T>(fn: () => Promise<T>, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("user-menu").waitFor();
}

const START_COUNTING = `(() => {
  window.__frames = 0;
  window.__counting = true;
  const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_COUNTING = "(() => { window.__counting = false; return window.__frames; })()";

async function scrollFps(page: Page, deltaY: number, steps = 150) {
  const box = (await page.getByTestId("task-list").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(START_COUNTING);
  const t0 = Date.now();
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(16);
  }
  const seconds = (Date.now() - t0) / 1000;
  const frames = (await page.evaluate(STOP_COUNTING)) as number;
  const top = (await page.getByTestId("task-list").evaluate((el) => el.scrollTop)) as number;
  return { fps: frames / seconds, scrolledPx: top };
}

async function main() {
  const app = await startBenchApp();
  const { base } = app;
  const lines: string[] = [];
  const out = (s: string) => (console.log(s), lines.push(s));
  try {
    // The index loads through connectDb (lib/db/connect.ts), which wants the app's settings: the same database.
    Object.assign(process.env, { MONGODB_URI: app.dbUri, NEXTAUTH_SECRET: "bench-only-not-a-secret-0123456789abcdef", CREDENTIALS_KEY: Buffer.alloc(32, 7).toString("base64") });
    await mongoose.connect(process.env.MONGODB_URI!);
    const approver = app.demoUser("approver");
    const user = await User.findOne({ email: approver.email }).lean();
    const viewer: InboxViewer = { id: String(user!._id), email: approver.email, roles: ["approver"], seeAll: false };

    out(`seeded ${TASKS.toLocaleString("en")} open + 2,000 completed tasks in ${(await seed(TASKS)).toFixed(0)} ms`);
    const scan = await timed(() => HumanTask.find({ status: "pending", candidateRoles: "approver" }).sort({ dueAt: 1 }).limit(100).select("title status priority dueAt").lean(), 2);
    const count = await timed(() => HumanTask.countDocuments({ status: "pending", candidateRoles: "approver" }), 2);
    out(`plain FerretDB query, first 100 by due date: ${fmt(scan)} (p50/p95 of 2); countDocuments: ${fmt(count)}`);

    const load = await timed(async () => void (await taskRows()), 1);
    out(`task index, one-time load (one scan, rows only): ${load[0].toFixed(0)} ms`);
    const views: [string, Record<string, string>][] = [
      ["Available to claim, by due date", { tab: "available" }],
      ["sorted by priority", { tab: "available", sort: "priority" }],
      ["search 'person99' + priority urgent", { tab: "available", q: "person99", priority: "urgent" }],
      ["due within a day", { tab: "available", due: "today" }],
    ];
    out("\n| first inbox page (100 rows + counts), server time in process | p50 / p95 of 30 |\n| --- | --- |");
    for (const [label, q] of views) {
      const params = inboxParamsSchema.parse(q);
      out(`| ${label} | ${fmt(await timed(async () => inboxPage(await taskRows(), viewer, params, Date.now(), 0, 100), 30))} |`);
    }

    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, base, approver.email, approver.password);
    await page.request.get(`${base}/api/inbox?tab=available`); // the server process loads its index once
    const http = await timed(() => page.request.get(`${base}/api/inbox?tab=available`), 30);
    const summary = await timed(() => page.request.get(`${base}/api/inbox/summary`), 30);
    const nav: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${base}/inbox?tab=available`);
      nav.push((await page.evaluate("performance.getEntriesByType('navigation')[0].responseEnd")) as number);
    }
    out(`\nHTTP from the signed-in approver (session check included), p50 / p95 of 30:\n- GET /api/inbox?tab=available (100 rows + counts): ${fmt(http)}\n- GET /api/inbox/summary (badge + bell): ${fmt(summary)}\n- /inbox page fully received (p50 / p95 of 5): ${fmt(nav)}`);

    await page.getByTestId("task-row").first().waitFor();
    const down = await scrollFps(page, 400);
    const deep = await scrollFps(page, 2_000, 100);
    const rowsMounted = await page.getByTestId("task-row").count();
    out(`\nscrolling the list of ${TASKS.toLocaleString("en")} in Chromium: ${down.fps.toFixed(0)} fps (wheel 400 px × 150, reached ${down.scrolledPx.toFixed(0)} px), ${deep.fps.toFixed(0)} fps (wheel 2,000 px × 100, reached ${deep.scrolledPx.toFixed(0)} px, pages load as it goes); ${rowsMounted} rows in the DOM`);
    await browser.close();
  } finally {
    await mongoose.disconnect().catch(() => {});
    await app.stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
