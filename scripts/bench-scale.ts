// The product at scale on the embedded database: `npm run bench:scale`.
// A fresh FerretDB gets 200 workflows (one of 30 nodes, one of 1,000, the rest the 20-step
// set/decision workflow), BENCH_RUNS (100,000) finished runs of 20 steps with their events
// (~2 million), execution histories and roll-ups, and BENCH_TASKS (10,000) open tasks. How the
// runs are made: BENCH_TEMPLATES (20) runs go through the real engine (a worker in this process),
// then each of the 100,000 is a copy of one of them with its own id, workflow and times spread
// over the last 90 days (one in ten marked failed at its last step), written with insertMany;
// the run index and the roll-ups are rebuilt from them by the app's own rebuilds
// (lib/runtime/run-index-rebuild.ts, lib/rollups/rebuild.ts).
// Then the server time of what each page calls, p50/p95 over BENCH_REPEAT (10) calls after one
// warm-up, as an admin (managers and approvers for the inbox), and persisted steps/s of one
// worker process on this database against the same measurement on the empty one.
//   BENCH_RUNS (100000)  BENCH_TASKS (10000)  BENCH_TEMPLATES (20)  BENCH_REPEAT (10)  BENCH_STEP_RUNS (300)
import { randomBytes } from "node:crypto";
import os from "node:os";
import mongoose from "mongoose";
import type { ChildProcess } from "node:child_process";
import { parseFilters } from "../lib/dashboard/params";
import { loadDashboard } from "../lib/dashboard/queries";
import { listEndedRuns } from "../lib/dashboard/runs";
import { fixture } from "../lib/engine/fixtures";
import { rebuildRollups } from "../lib/rollups/rebuild";
import { getRun, listRunEvents, listWorkflowRuns, pageRuns } from "../lib/runtime/queries";
import { runEnds, runStarts } from "../lib/runtime/run-index";
import { rebuildRunIndex } from "../lib/runtime/run-index-rebuild";
import { startRunFor } from "../lib/runtime/start";
import { storeWorkflow, testWorker, waitForStatus } from "../lib/runtime/test-support";
import { inboxPage, inboxParamsSchema } from "../lib/tasks/inbox-query";
import { taskRows } from "../lib/tasks/open-index";
import { syntheticWorkflow } from "../lib/workflow/synthetic";
import { loadWorkflowForEditor } from "../lib/workflows/queries";
import { publishWorkflow } from "../lib/workflows/publish";
import { saveGraph } from "../lib/workflows/save";
import { person } from "../lib/workflows/test-fixtures";
import { EventLog } from "../models/EventLog";
import { ExecutionDetail } from "../models/ExecutionDetail";
import { ExecutionHistory } from "../models/ExecutionHistory";
import { WorkflowExecution } from "../models/WorkflowExecution";
import { percentile } from "./lib/bench-utils";
import { runBench, withFreshDatabase, type FreshDatabase } from "./lib/fresh-database";
import { drained, enqueueRuns, lastEnd, startWorkerProcesses, stopWorkerProcesses } from "./lib/runtime-bench";
import { insertSyntheticTasks } from "./lib/synthetic-tasks";

const RUNS = Number(process.env.BENCH_RUNS ?? 100_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const TEMPLATES = Number(process.env.BENCH_TEMPLATES ?? 20);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 10);
const STEP_RUNS = Number(process.env.BENCH_STEP_RUNS ?? 300);
const WORKFLOWS = 200;
const DAY = 86_400_000;
const BATCH = 2_000;

type Doc = Record<string, unknown>;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** A deep copy with the run's id replaced (alone or as an `<id>:` prefix), its workflow swapped and every date moved by `shiftMs`. */
function retarget(value: unknown, from: { runId: string; workflowId: string }, to: { runId: string; workflowId: mongoose.Types.ObjectId }, shiftMs: number): unknown {
  if (value instanceof Date) return new Date(value.getTime() + shiftMs);
  if (value instanceof mongoose.Types.ObjectId) return value.toHexString() === from.workflowId ? to.workflowId : value;
  if (typeof value === "string") {
    if (value === from.runId) return to.runId;
    if (value.startsWith(`${from.runId}:`)) return to.runId + value.slice(from.runId.length);
    if (value === from.workflowId) return to.workflowId.toHexString();
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => retarget(v, from, to, shiftMs));
  if (value && typeof value === "object") {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) out[k] = retarget(v, from, to, shiftMs);
    return out;
  }
  return value;
}

interface Template {
  runId: string;
  workflowId: string;
  startedAt: number;
  execution: Doc;
  detail: Doc;
  history: Doc;
  events: Doc[];
}

async function templates(owner: Awaited<ReturnType<typeof person>>, workflowId: string): Promise<Template[]> {
  const worker = testWorker({ concurrency: 4 });
  const ids: string[] = [];
  try {
    for (let i = 0; i < TEMPLATES; i++) {
      const res = await startRunFor(owner, { workflowId, mode: "published", input: { amount: 1 + i * 17 } });
      if (!res.ok) throw new Error(res.message);
      ids.push(res.runId);
    }
    for (const id of ids) await waitForStatus(id, ["completed", "failed"], 120_000);
  } finally {
    await worker.stop(1_000);
  }
  const out: Template[] = [];
  for (const runId of ids) {
    const execution = (await WorkflowExecution.findById(runId).lean()) as Doc;
    const detail = (await ExecutionDetail.findById(runId).lean()) as Doc;
    const history = (await ExecutionHistory.findById(runId).lean()) as Doc;
    const events = (await EventLog.find({ runId }).lean()) as Doc[];
    out.push({ runId, workflowId, startedAt: (execution.startedAt as Date).getTime(), execution, detail, history, events });
  }
  return out;
}

/** Copies of the template runs: ids in time order, spread over the last 90 days, one in ten failed. */
async function fill(tpls: Template[], workflowIds: mongoose.Types.ObjectId[], count: number) {
  const now = Date.now();
  const db = mongoose.connection.db!;
  let events = 0;
  for (let start = 0; start < count; start += BATCH) {
    const executions: Doc[] = [];
    const details: Doc[] = [];
    const histories: Doc[] = [];
    const eventDocs: Doc[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const tpl = tpls[i % tpls.length];
      const at = now - 90 * DAY + Math.floor(((i + 0.5) / count) * 90 * DAY);
      const runId = mongoose.Types.ObjectId.createFromTime(Math.floor(at / 1000)).toHexString();
      const to = { runId, workflowId: workflowIds[i % workflowIds.length] };
      const from = { runId: tpl.runId, workflowId: tpl.workflowId };
      const shift = at - tpl.startedAt;
      const failed = i % 10 === 7;
      const execution = retarget(tpl.execution, from, to, shift) as Doc;
      const history = retarget(tpl.history, from, to, shift) as Doc;
      if (failed) {
        const error = { message: "The amount was refused by the ledger (generated failure)", code: "bench", nodeId: "end" };
        Object.assign(execution, { status: "failed", error });
        Object.assign(history, { status: "failed", error });
      }
      executions.push(execution);
      histories.push(history);
      details.push(retarget(tpl.detail, from, to, shift) as Doc);
      for (const ev of tpl.events) eventDocs.push(retarget(ev, from, to, shift) as Doc);
    }
    // Raw inserts: the documents are already what the app wrote.
    await db.collection("execution_details").insertMany(details, { ordered: false });
    await db.collection("workflow_executions").insertMany(executions, { ordered: false });
    await db.collection("execution_histories").insertMany(histories, { ordered: false });
    for (let j = 0; j < eventDocs.length; j += 10_000) await db.collection("event_logs").insertMany(eventDocs.slice(j, j + 10_000), { ordered: false });
    events += eventDocs.length;
    if ((start / BATCH) % 5 === 0) log(`${Math.min(count, start + BATCH).toLocaleString("en")} runs, ${events.toLocaleString("en")} events`);
  }
  return events;
}

async function timed(label: string, fn: () => Promise<unknown>, repeat = REPEAT): Promise<string[]> {
  const first = performance.now();
  await fn(); // warm-up (and caches a real server would have warm)
  const warm = performance.now() - first;
  const times: number[] = [];
  // A call slower than 20 s is timed three times, not ten: the figure says enough.
  const n = warm > 20_000 ? 3 : repeat;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const row = [label, `${percentile(times, 50).toFixed(0)} / ${percentile(times, 95).toFixed(0)}`, warm.toFixed(0), String(n)];
  log(row.join(" | "));
  return row;
}

async function stepsPerSecond(uri: string, owner: string, workflowId: string): Promise<{ perSecond: number; runs: number }> {
  const graph = fixture("bench-20");
  await enqueueRuns(workflowId, graph, { amount: 3 }, STEP_RUNS, owner);
  const workers: ChildProcess[] = await startWorkerProcesses(1, uri, { SWITCHYARD_WORKER_CONCURRENCY: "4", SWITCHYARD_RETENTION: "off" });
  const startedAt = Date.now();
  try {
    await drained(30 * 60_000);
  } finally {
    await stopWorkerProcesses(workers);
  }
  const seconds = ((await lastEnd(workflowId)) - startedAt) / 1000;
  const one = await WorkflowExecution.findOne({ workflowId, status: "completed" }, { metrics: 1 }).lean();
  const steps = (one?.metrics?.nodeCount ?? 0) * STEP_RUNS;
  return { perSecond: steps / seconds, runs: STEP_RUNS };
}

async function measure({ uri }: FreshDatabase) {
  log(`scale: ${RUNS.toLocaleString("en")} runs, ${TASKS.toLocaleString("en")} open tasks, ${WORKFLOWS} workflows (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
  const admin = await person("admin@scale.test", ["admin"]);
  const approver = await person("approver@scale.test", ["approver"]);

  const emptyId = await storeWorkflow(admin, fixture("bench-20"));
  const empty = await stepsPerSecond(uri, admin.id, emptyId);
  log(`persisted steps/s on the empty database: ${empty.perSecond.toFixed(0)} (${empty.runs} runs, one worker)`);

  const small = await storeWorkflow(admin, syntheticWorkflow(30));
  const big = await storeWorkflow(admin, syntheticWorkflow(1_000));
  const runWorkflows: string[] = [];
  for (let i = 0; i < WORKFLOWS - 2; i++) runWorkflows.push(await storeWorkflow(admin, fixture("bench-20")));
  const published = await publishWorkflow(admin, { id: runWorkflows[0] });
  if (!published.ok) throw new Error(published.message);

  let t = performance.now();
  const tpls = await templates(admin, runWorkflows[0]);
  log(`${tpls.length} template runs through the engine: ${tpls[0].events.length} events each, ${((performance.now() - t) / 1000).toFixed(0)} s`);
  t = performance.now();
  const events = await fill(tpls, runWorkflows.map((id) => new mongoose.Types.ObjectId(id)), RUNS);
  log(`filled ${RUNS.toLocaleString("en")} runs and ${events.toLocaleString("en")} events in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  // The workflows existed before their runs (the run index looks back to a workflow's creation).
  await mongoose.connection.db!.collection("workflows").updateMany({}, { $set: { createdAt: new Date(Date.now() - 91 * DAY) } });
  t = performance.now();
  const indexed = await rebuildRunIndex(mongoose.connection.db!);
  log(`run index rebuilt from ${indexed.started.toLocaleString("en")} executions and ${indexed.ended.toLocaleString("en")} histories in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  runStarts.forget();
  runEnds.forget();
  t = performance.now();
  const rebuilt = await rebuildRollups();
  log(`roll-ups rebuilt from ${rebuilt.runs.toLocaleString("en")} histories (${rebuilt.days} days) in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  t = performance.now();
  await insertSyntheticTasks(TASKS, "pending", [{ id: runWorkflows[0], name: "Runtime test" }]);
  log(`${TASKS.toLocaleString("en")} open tasks in ${((performance.now() - t) / 1000).toFixed(0)} s`);

  const someRun = (i: number) => mongoose.Types.ObjectId.createFromTime(Math.floor((Date.now() - (i + 1) * 7 * DAY) / 1000)).toHexString();
  const recent = await WorkflowExecution.findOne({ workflowId: runWorkflows[5] }, { _id: 1 }).sort({ createdAt: -1 }).lean();
  const runIds = [String(recent?._id)];
  for (let i = 0; i < 3; i++) {
    const near = await WorkflowExecution.findOne({ _id: { $lte: someRun(i) } }, { _id: 1 }).sort({ _id: -1 }).lean();
    if (near) runIds.push(String(near._id));
  }
  let pick = 0;
  const viewer = { id: approver.id, email: approver.email, roles: approver.roles, seeAll: false };
  const rows: string[][] = [];
  rows.push(await timed("run page (getRun + its events)", async () => {
    const id = runIds[pick++ % runIds.length];
    if (!(await getRun(admin, id))) throw new Error(`run ${id} not found`);
    await listRunEvents(admin, id, 0, 1_000);
  }));
  rows.push(await timed("workflow's runs, first page", () => listWorkflowRuns(admin, runWorkflows[5])));
  rows.push(await timed("workflow's runs, page at offset 400 (API)", () => pageRuns(admin, runWorkflows[5], { offset: 400, limit: 50 })));
  rows.push(await timed("runs explorer, 90 days, status failed", () => listEndedRuns(admin, parseFilters({ range: "90d", status: "failed" }))));
  rows.push(await timed("inbox first page (approver)", async () => inboxPage(await taskRows(), viewer, inboxParamsSchema.parse({ tab: "available" }), Date.now(), 0, 100)));
  rows.push(await timed("dashboard, 90 days", () => loadDashboard(admin, parseFilters({ range: "90d" }))));
  rows.push(await timed("open the 30-node workflow", () => loadWorkflowForEditor(admin, small)));
  rows.push(await timed("open the 1,000-node workflow", () => loadWorkflowForEditor(admin, big)));
  for (const [label, id, nodes] of [["autosave, 30 nodes", small, 30], ["autosave, 1,000 nodes", big, 1_000]] as const) {
    const graph = syntheticWorkflow(nodes);
    let revision = (await loadWorkflowForEditor(admin, id))!.revision;
    rows.push(await timed(label, async () => {
      graph.nodes[1].position.x += 10;
      const res = await saveGraph(admin, { id, revision, ...graph });
      if (!res.ok) throw new Error("message" in res ? res.message : "conflict");
      revision = res.revision;
    }));
  }
  const full = await stepsPerSecond(uri, admin.id, await storeWorkflow(admin, fixture("bench-20")));
  const change = ((full.perSecond - empty.perSecond) / empty.perSecond) * 100;

  console.log(`\n${RUNS.toLocaleString("en")} runs, ${events.toLocaleString("en")} events, ${TASKS.toLocaleString("en")} open tasks, ${WORKFLOWS} workflows (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at the end)`);
  console.log("what the page calls | server time p50 / p95 (ms) | first call (ms) | calls");
  for (const row of rows) console.log(row.join(" | "));
  console.log(`persisted steps/s, one worker | empty database ${empty.perSecond.toFixed(0)} | this database ${full.perSecond.toFixed(0)} (${change >= 0 ? "+" : ""}${change.toFixed(0)} %)`);
}

runBench(() =>
  withFreshDatabase("scale", measure, {
    // What `npm start` would set: the inbox's index reads the app's configuration.
    beforeConnect: ({ uri }) => Object.assign(process.env, { MONGODB_URI: uri, NEXTAUTH_SECRET: randomBytes(32).toString("hex"), CREDENTIALS_KEY: randomBytes(32).toString("base64") }),
  }),
);
