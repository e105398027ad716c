// Retention on the real database: real runs made by a real worker, then a pass of the job's
// code. Old runs lose their events and step data and say so; recent and paused ones keep them;
// the per-workflow count keeps the newest; a second pass changes nothing.
import { ExecutionDetail } from "@/models/ExecutionDetail";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PermissionError } from "@/lib/auth/errors";
import type { RunStatus } from "@/lib/engine/state";
import { getRun } from "@/lib/runtime/queries";
import { startRunFor } from "@/lib/runtime/start";
import { e, endNode, eventsOf, n, setNode, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { actor } from "@/lib/workflows/test-fixtures";
import { AppSetting } from "@/models/AppSetting";
import { EventLog } from "@/models/EventLog";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { requestRetry } from "@/lib/runtime/retry";
import { claimSurvey, runRetentionPass } from "./pass";
import { pruneRun } from "./prune";
import { readRetentionPolicy, saveRetentionPolicy } from "./settings";

const DAY = 86_400_000;
const admin = actor(["admin"]);
const designer = actor(["designer"]);
let worker: Worker;

const graph = {
  nodes: [startNode([{ name: "amount", label: "Amount", type: "number", required: true }]), setNode("double", "total", "amount * 2"), endNode("end", [{ key: "total", expression: "$vars.total" }])],
  edges: [e("start", "double"), e("double", "end")],
};
const timerGraph = {
  nodes: [startNode(), n("wait", "timer", { mode: "until", until: "$millis() + 3600000" }), endNode()],
  edges: [e("start", "wait"), e("wait", "end")],
};

async function run(workflowId: string, input: unknown, until: RunStatus[] = ["completed"]) {
  const res = await startRunFor(designer, { workflowId, mode: "test", input });
  if (!res.ok) throw new Error(res.message);
  await waitForStatus(res.runId, until);
  return res.runId;
}

/** Makes a run look as if it ended `days` ago: its execution and its history record. */
async function endedDaysAgo(runId: string, days: number) {
  const endedAt = new Date(Date.now() - days * DAY);
  await WorkflowExecution.updateOne({ _id: runId }, { $set: { endedAt } });
  await ExecutionHistory.updateOne({ _id: runId }, { $set: { endedAt } });
}

const snapshot = async (runId: string) => ({ exec: await WorkflowExecution.findById(runId).lean(), detail: await ExecutionDetail.findById(runId).lean(), events: await EventLog.countDocuments({ runId }) });

describe("retention of finished runs (real database)", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowExecution.init(), EventLog.init(), ExecutionHistory.init(), AppSetting.init()]);
    worker = testWorker();
  });
  afterAll(async () => {
    await worker.stop(1_000);
  });

  it("prunes a finished run past the age limit; a recent one and a paused one keep everything; a second pass changes nothing", async () => {
    const wf = await storeWorkflow(designer, graph);
    const old = await run(wf, { amount: 21 });
    const recent = await run(wf, { amount: 5 });
    const paused = await run(await storeWorkflow(designer, timerGraph), {}, ["paused"]);
    // "paused" shows in the working copy first; wait until the worker has also written the execution it leaves behind.
    await vi.waitUntil(async () => (await WorkflowExecution.findById(paused, { status: 1 }).lean())?.status === "paused", { timeout: 10_000, interval: 25 });
    await endedDaysAgo(old, 31);
    // A paused run with an old history record, as a failed run retried since would have: still untouched.
    await ExecutionHistory.create({ _id: paused, workflowId: wf, status: "failed", endedAt: new Date(Date.now() - 40 * DAY), trigger: { type: "test" } });
    const oldEvents = await eventsOf(old);
    expect(oldEvents.length).toBeGreaterThan(3);
    const before = { recent: await snapshot(recent), paused: await snapshot(paused), oldHistory: await ExecutionHistory.findById(old).lean() };

    const pass = await runRetentionPass();
    expect(pass).toMatchObject({ pruned: 1, "not-finished": 1 });

    // The old run: events gone, history entries stripped to their shape, user values dropped, marked.
    expect(await EventLog.countDocuments({ runId: old })).toBe(0);
    const exec = (await WorkflowExecution.findById(old).lean())!;
    expect(exec.pruned).toMatchObject({ reason: "age", limit: 30 });
    expect(exec.status).toBe("completed");
    expect(exec.input).toBeNull();
    expect(exec.output).toBeNull();
    const detail = (await ExecutionDetail.findById(old).lean())!;
    const entries = detail.executionHistory as Record<string, unknown>[];
    expect(entries.map((h) => h.nodeId)).toEqual(["start", "double", "end"]);
    for (const h of entries) {
      expect(Object.keys(h).sort()).toEqual(expect.arrayContaining(["attempt", "endedAt", "nodeId", "status", "stepId"]));
      expect(h).not.toHaveProperty("input");
      expect(h).not.toHaveProperty("output");
      expect(h).not.toHaveProperty("logs");
    }
    const state = detail.state as { data: { input?: unknown; variables: { value?: unknown }[]; outputs: { output?: unknown }[] }; output?: { value?: unknown }; nodes: unknown[] };
    expect(state.data.input).toBeUndefined();
    expect(state.data.variables.every((v) => v.value === undefined)).toBe(true);
    expect(state.data.outputs.every((o) => o.output === undefined)).toBe(true);
    expect(state.output?.value).toBeUndefined();
    expect(state.nodes).toHaveLength(3);
    // The analytics record stays as it was.
    expect(await ExecutionHistory.findById(old).lean()).toEqual(before.oldHistory);

    // The run page says what happened instead of showing empty data.
    const page = (await getRun(designer, old))!;
    expect(page.pruned).toMatchObject({ reason: "age", limit: 30 });
    expect(page.status).toBe("completed");
    expect(page.steps.map((s) => [s.nodeId, s.status, s.input, s.output])).toEqual([
      ["start", "succeeded", undefined, undefined],
      ["double", "succeeded", undefined, undefined],
      ["end", "succeeded", undefined, undefined],
    ]);
    expect(page.canRetry).toBe(false);
    expect((await getRun(designer, recent))!.pruned).toBeNull();

    // Untouched: the recent run and the paused one.
    expect(await snapshot(recent)).toEqual(before.recent);
    expect(await snapshot(paused)).toEqual(before.paused);

    // A second pass: nothing more to do, nothing changed.
    const afterFirst = await snapshot(old);
    const second = await runRetentionPass();
    expect(second).toMatchObject({ candidates: 0, pruned: 0 });
    expect(await snapshot(old)).toEqual(afterFirst);
    expect(await snapshot(recent)).toEqual(before.recent);
  });

  it("keeps the newest runs of each workflow when a count is set, and prunes the older ones once", async () => {
    expect(await saveRetentionPolicy(admin, { keepDays: "30", keepPerWorkflow: "2" })).toMatchObject({ ok: true, policy: { keepDays: 30, keepPerWorkflow: 2 } });
    const wf = await storeWorkflow(designer, graph);
    const other = await storeWorkflow(designer, graph);
    const runs: string[] = [];
    for (let i = 0; i < 4; i++) runs.push(await run(wf, { amount: i }));
    const others = [await run(other, { amount: 1 }), await run(other, { amount: 2 })];

    expect(await runRetentionPass()).toMatchObject({ pruned: 2 });
    const marks = await Promise.all([...runs, ...others].map(async (id) => (await WorkflowExecution.findById(id).lean())?.pruned ?? null));
    expect(marks.slice(0, 2)).toMatchObject([{ reason: "count", limit: 2 }, { reason: "count", limit: 2 }]);
    expect(marks.slice(2)).toEqual([null, null, null, null]);
    for (const id of runs.slice(0, 2)) expect(await EventLog.countDocuments({ runId: id })).toBe(0);
    for (const id of [...runs.slice(2), ...others]) expect(await EventLog.countDocuments({ runId: id })).toBeGreaterThan(0);

    expect(await runRetentionPass()).toMatchObject({ candidates: 0, pruned: 0 });
    // One more run: exactly one more falls beyond the newest two.
    runs.push(await run(wf, { amount: 9 }));
    expect(await runRetentionPass()).toMatchObject({ candidates: 1, pruned: 1 });
    expect((await WorkflowExecution.findById(runs[2]).lean())?.pruned).toMatchObject({ reason: "count" });
    expect((await WorkflowExecution.findById(runs[3]).lean())?.pruned).toBeNull();
  });

  it("a pruned failed run keeps its error but can no longer be retried from its failed step", async () => {
    const wf = await storeWorkflow(designer, {
      nodes: [startNode(), setNode("ok", "a", "1"), setNode("boom", "b", "$notAFunction(1)"), endNode()],
      edges: [e("start", "ok"), e("ok", "boom"), e("boom", "end")],
    });
    const res = await startRunFor(designer, { workflowId: wf, mode: "test", input: {} });
    if (!res.ok) throw new Error(res.message);
    await waitForStatus(res.runId, ["failed"]);
    expect((await getRun(designer, res.runId))!.canRetry).toBe(true);

    expect(await pruneRun({ runId: res.runId, reason: "age", limit: 30 })).toBe("pruned");
    expect(await pruneRun({ runId: res.runId, reason: "age", limit: 30 })).toBe("already");
    const page = (await getRun(designer, res.runId))!;
    expect(page.status).toBe("failed");
    expect(page.error).toBeTruthy();
    expect(page.steps.find((s) => s.nodeId === "boom")).toMatchObject({ status: "failed", error: { message: expect.any(String) } });
    expect(page.canRetry).toBe(false);
    expect(await requestRetry(res.runId)).toMatchObject({ ok: false, message: expect.stringContaining("Re-run it instead") });
  });

  it("of several processes, one surveys each period", async () => {
    const hour = 3_600_000;
    const now = Date.now();
    expect((await Promise.all(Array.from({ length: 6 }, () => claimSurvey(now, hour)))).filter(Boolean)).toHaveLength(1);
    expect((await Promise.all(Array.from({ length: 6 }, () => claimSurvey(now + hour, hour)))).filter(Boolean)).toHaveLength(1);
  });

  it("the settings refuse non-admins and bad input with messages that say what and where", async () => {
    await expect(saveRetentionPolicy(designer, { keepDays: "7", keepPerWorkflow: "" })).rejects.toThrow(PermissionError);
    await expect(saveRetentionPolicy(actor(["admin"], false), { keepDays: "7", keepPerWorkflow: "" })).rejects.toThrow(PermissionError);
    const before = await readRetentionPolicy();

    expect(await saveRetentionPolicy(admin, { keepDays: "0", keepPerWorkflow: "" })).toEqual({
      ok: false,
      message: "Check the highlighted fields.",
      errors: { keepDays: ["Days to keep: keep runs at least 1 day."] },
    });
    expect(await saveRetentionPolicy(admin, { keepDays: "thirty", keepPerWorkflow: "-5" })).toEqual({
      ok: false,
      message: "Check the highlighted fields.",
      errors: {
        keepDays: ["Days to keep: use a whole number, like 30, without signs, dots or letters."],
        keepPerWorkflow: ["Runs kept per workflow: use a whole number, like 30, without signs, dots or letters."],
      },
    });
    expect(await saveRetentionPolicy(admin, { keepDays: "99999", keepPerWorkflow: "0" })).toMatchObject({
      ok: false,
      errors: { keepDays: ["Days to keep: at most 3650 days (10 years)."], keepPerWorkflow: ["Runs kept per workflow: keep at least 1 run, or leave it empty for no limit."] },
    });
    expect(await saveRetentionPolicy(admin, { keepDays: "", keepPerWorkflow: "" })).toMatchObject({ ok: false, errors: { keepDays: ["Days to keep: say how many days, from 1 to 3650."] } });
    expect(await saveRetentionPolicy(admin, "not a form")).toMatchObject({ ok: false, message: expect.stringContaining("refused") });
    expect(await readRetentionPolicy()).toEqual(before);

    expect(await saveRetentionPolicy(admin, { keepDays: " 90 ", keepPerWorkflow: "" })).toMatchObject({ ok: true });
    expect((await readRetentionPolicy()).policy).toEqual({ keepDays: 90, keepPerWorkflow: null });
    const stored = await AppSetting.findById("retention").lean();
    expect(stored).toMatchObject({ keepDays: 90, keepPerWorkflow: null, updatedBy: admin.id });
  });
});
