import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { NodeExecutor } from "@/lib/engine/executor";
import { applyStepResult, beginStep, nextSteps } from "@/lib/engine/interpreter";
import { exampleConfig } from "@/lib/engine/test-graphs";
import { publishWorkflow } from "@/lib/workflows/service";
import { actor, person } from "@/lib/workflows/test-fixtures";
import type { Actor } from "@/lib/auth/roles";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { RunQueue } from "@/models/RunQueue";
import { RunSlot } from "@/models/RunSlot";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { WorkflowVersion } from "@/models/WorkflowVersion";
import { ChildRunRefused, startChildRun } from "./children";
import { resumeRunFromTask } from "./control";
import { claimRun } from "./queue";
import type { RuntimeServices } from "./services";
import { LeaseLost } from "./session";
import { exitsFor } from "./session-exit";
import { openSession } from "./session-open";
import { cancelFor, rerunFor, startRunFor } from "./start";
import { e, endNode, eventsOf, n, setNode, sleep, startNode, storeWorkflow, testWorker, waitForStatus } from "./test-support";
import { runtimeConfig } from "./config";
import { builtinExecutors } from "@/lib/engine/builtins";
import type { ExecutorMap } from "@/lib/engine/executor";
import type { Worker } from "./worker";

let designer: Actor = actor(["designer"]);
const stranger = actor(["designer"]);
const aborted: string[] = [];
let worker: Worker | null = null;

/** A script step that takes `ms` and stops early when aborted. */
const slow = (ms: number): NodeExecutor<RuntimeServices> => (ctx) =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: "ok", output: ctx.input }), ms);
    ctx.signal.addEventListener("abort", () => {
      clearTimeout(timer);
      aborted.push(ctx.stepId);
      resolve({ kind: "error", error: { message: "aborted" } });
    });
  });

const waitForHuman: NodeExecutor<RuntimeServices> = async () => ({ kind: "wait", reason: "human" });

const line = (...ids: string[]) => ids.slice(1).map((id, i) => e(ids[i], id));

async function start(workflowId: string, input: unknown = {}, mode: "test" | "published" = "test") {
  const res = await startRunFor(designer, { workflowId, mode, input });
  if (!res.ok) throw new Error(res.message);
  return res.runId;
}

describe("controlling runs (real database)", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowVersion.init(), WorkflowExecution.init(), ExecutionHistory.init()]);
    designer = await person("designer@runs.test", ["designer"]);
  });
  afterEach(async () => {
    await worker?.stop(500);
    worker = null;
  });

  it("keeps extra runs pending while the workflow's concurrency slots are taken", async () => {
    const id = await storeWorkflow(designer, { nodes: [startNode(), n("work", "script", exampleConfig("script")), endNode()], edges: line("start", "work", "end") }, { concurrency: 1 });
    worker = testWorker({ executors: { script: slow(300) } });
    const runs = [await start(id), await start(id), await start(id)];
    await sleep(150);
    const waiting = await RunQueue.find({ _id: { $in: runs }, waitingForSlot: true }).lean();
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect((await RunSlot.find({ workflowId: id }).lean()).length).toBe(1);
    for (const runId of runs) expect((await waitForStatus(runId)).status).toBe("completed");

    const spans = [];
    for (const runId of runs) {
      const events = await eventsOf(runId);
      const at = (type: string) => events.find((ev) => ev.type === type && ev.nodeId === "work")!.at.getTime();
      spans.push([at("node_start"), at("node_complete")]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
    expect(await RunSlot.countDocuments({ workflowId: id })).toBe(0);
  });

  it("cancels a running run (aborting its step), a paused one (cancelling its task), and refuses a finished one", async () => {
    const cancelledTasks: string[] = [];
    worker = testWorker({
      executors: { script: slow(5_000), human: waitForHuman },
      providers: { tasks: { createForStep: async () => ({ taskId: "t" }), cancelForStep: async ({ stepId }) => void cancelledTasks.push(stepId) } },
    });
    const busy = await storeWorkflow(designer, { nodes: [startNode(), n("work", "script", exampleConfig("script")), endNode()], edges: line("start", "work", "end") });
    const running = await start(busy);
    await waitForStatus(running, ["running"]);
    await sleep(100);
    await expect(cancelFor(stranger, running)).rejects.toThrow("does not exist, or its workflow is not shared with you");
    expect(await cancelFor(designer, running)).toMatchObject({ ok: true, status: "cancelled" });
    expect(aborted).toContain("work#1");
    const events = await eventsOf(running);
    expect(events.find((ev) => ev.type === "node_cancelled")?.data).toMatchObject({ was: "running" });
    expect(events.at(-1)).toMatchObject({ type: "workflow_cancelled", data: { by: designer.id } });

    const human = await storeWorkflow(designer, { nodes: [startNode(), n("review", "human", exampleConfig("human")), endNode()], edges: [e("start", "review"), e("review", "end", "approve"), e("review", "end", "reject")] });
    const paused = await start(human);
    await waitForStatus(paused, ["paused"]);
    expect(await cancelFor(designer, paused)).toMatchObject({ ok: true, status: "cancelled" });
    await waitForStatus(paused);
    expect(cancelledTasks).toEqual(["review#1"]);
    expect(await RunQueue.countDocuments({ _id: paused })).toBe(0);
    expect(await ExecutionHistory.findById(paused).lean()).toMatchObject({ status: "cancelled" });

    const quick = await storeWorkflow(designer, { nodes: [startNode(), endNode()], edges: line("start", "end") });
    const finished = await start(quick);
    await waitForStatus(finished);
    const before = await WorkflowExecution.findById(finished).lean();
    const eventCount = (await eventsOf(finished)).length;
    expect(await cancelFor(designer, finished)).toEqual({ ok: false, message: "This run has already completed; nothing was changed." });
    await sleep(100);
    expect(await WorkflowExecution.findById(finished).lean()).toEqual(before);
    expect((await eventsOf(finished)).length).toBe(eventCount);
    expect(await RunQueue.countDocuments({ _id: finished })).toBe(0);
  });

  it("fences a worker whose lease was taken: it cannot write, the new owner finishes the run", async () => {
    const id = await storeWorkflow(designer, { nodes: [startNode(), setNode("a", "x", "1"), endNode()], edges: line("start", "a", "end") });
    const runId = await start(id);
    const deps = (owner: string) => ({ owner, config: runtimeConfig({ leaseMs: 60_000 }), executors: builtinExecutors as unknown as ExecutorMap<RuntimeServices>, providers: {} });
    const first = (await openSession((await claimRun(runId, "A", 60_000))!, deps("A")))!;
    const [step] = nextSteps(first.state, first.graph, Date.now());
    first.accept(beginStep(first.state, first.graph, step.stepId, Date.now()));
    await first.persist();

    // A stalls past its lease; B claims the run and moves it on from A's last checkpoint.
    await RunQueue.updateOne({ _id: runId }, { $set: { "lease.until": new Date(Date.now() - 1) } });
    const second = (await openSession((await claimRun(runId, "B", 60_000))!, deps("B")))!;
    expect(second.token).toBeGreaterThan(first.token);
    expect(await second.drive(exitsFor(second))).toBe("finished");

    // A wakes up with its stale state: its write is refused, and so is its renewal.
    first.accept(applyStepResult(first.state, first.graph, step, { kind: "ok", output: { stale: true } }, Date.now()));
    await expect(first.persist()).rejects.toBeInstanceOf(LeaseLost);
    await first.renew();
    expect(first.lost).toBe(true);

    const events = await eventsOf(runId);
    expect(events.map((ev) => ev.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((ev) => ev.type === "node_start" && ev.nodeId === "start").map((ev) => ev.data.replay ?? false)).toEqual([false, true]);
    expect(events.filter((ev) => ev.type === "node_complete").map((ev) => ev.nodeId)).toEqual(["start", "a", "end"]);
    expect(events.some((ev) => JSON.stringify(ev.data).includes("stale"))).toBe(false);
    expect((await WorkflowExecution.findById(runId).lean())?.status).toBe("completed");
  });

  it("resumes a run from a human task once, and re-runs it with the same input", async () => {
    worker = testWorker({ executors: { human: waitForHuman } });
    const id = await storeWorkflow(designer, {
      nodes: [startNode(), n("review", "human", exampleConfig("human")), setNode("yes", "decision", '"approved"'), setNode("no", "decision", '"rejected"'), endNode("end", [{ key: "decision", expression: "$vars.decision" }])],
      edges: [e("start", "review"), e("review", "yes", "approve"), e("review", "no", "reject"), e("yes", "end"), e("no", "end")],
    });
    const runId = await start(id, { amount: 3 });
    await waitForStatus(runId, ["paused"]);
    // Both answers arrive before any worker looks: the second is refused.
    await worker.stop(500);
    expect(await resumeRunFromTask(runId, "review#1", { kind: "ok", handle: "approve", output: { comment: "fine" } }, { by: designer.id })).toMatchObject({ ok: true });
    expect(await resumeRunFromTask(runId, "review#1", { kind: "ok", handle: "reject" }, { by: designer.id })).toEqual({ ok: false, message: "This step was already answered." });
    worker = testWorker({ executors: { human: waitForHuman } });
    const done = await waitForStatus(runId);
    expect(done.output?.value).toEqual({ decision: "approved" });
    expect(await resumeRunFromTask(runId, "review#1", { kind: "ok", handle: "reject" })).toMatchObject({ ok: false, message: expect.stringContaining("already completed") });
    const exec = await WorkflowExecution.findById(runId).lean();
    expect(exec?.metrics?.humanInterventions).toBe(1);
    expect(exec?.humanInteractions[0]).toMatchObject({ nodeId: "review", by: designer.id, handle: "approve" });
    expect((await eventsOf(runId)).find((ev) => ev.type === "human_approval")).toMatchObject({ nodeId: "review" });

    const again = await rerunFor(designer, runId);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(await WorkflowExecution.findById(again.runId).lean()).toMatchObject({ input: JSON.stringify({ amount: 3 }), trigger: { type: "rerun" } });
  });

  it("starts a child run for a subprocess step and continues the parent with its output", async () => {
    const childId = await storeWorkflow(designer, {
      nodes: [startNode([{ name: "x", type: "number", required: true }]), setNode("times", "y", "x * 10"), endNode("end", [{ key: "y", expression: "$vars.y" }])],
      edges: line("start", "times", "end"),
    });
    expect((await publishWorkflow(designer, { id: childId })).ok).toBe(true);
    const subprocess: NodeExecutor<RuntimeServices> = async (ctx) => {
      const child = await ctx.services.runs.startChild({ idempotencyKey: ctx.idempotencyKey, parentRunId: ctx.runId, parentStepId: ctx.stepId, workflowId: childId, input: { x: 4 }, depth: ctx.services.run.depth + 1 });
      return { kind: "wait", reason: "subprocess", output: { childRunId: child.runId } };
    };
    worker = testWorker({ executors: { subprocess } });
    const parentId = await storeWorkflow(designer, { nodes: [startNode(), n("sub", "subprocess", { workflowId: childId, inputMapping: [], waitForResult: true }), endNode()], edges: line("start", "sub", "end") });
    const runId = await start(parentId);
    expect((await waitForStatus(runId)).output?.value).toEqual({ y: 40 });
    const child = await WorkflowExecution.findOne({ parentExecutionId: runId }).lean();
    expect(child).toMatchObject({ status: "completed", depth: 1, parentStepId: "sub#1", version: 1, trigger: { type: "subprocess" } });
    expect(String(child?.trigger?.by)).toBe(designer.id);

    const request = { idempotencyKey: "p:s#1:1", parentRunId: "p", parentStepId: "s#1", workflowId: childId, input: { x: 1 }, depth: 11 };
    await expect(startChildRun({ runId: "p", depth: 10, startedBy: null }, request)).rejects.toBeInstanceOf(ChildRunRefused);
    await expect(startChildRun({ runId: "p", depth: 0, startedBy: stranger.id }, request)).rejects.toThrow("may not run it");
  });
});
