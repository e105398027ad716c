import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor } from "@/lib/workflows/test-fixtures";
import { publishWorkflow, saveGraph } from "@/lib/workflows/service";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { LiveRun } from "@/models/LiveRun";
import { RunGraph } from "@/models/RunGraph";
import { RunQueue } from "@/models/RunQueue";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { WorkflowVersion } from "@/models/WorkflowVersion";
import { EventLog } from "@/models/EventLog";
import { followRun } from "./follow";
import { getRun, listRuns } from "./queries";
import { historyOf, loadFullExecution } from "./execution-store";
import { startRunFor } from "./start";
import { e, endNode, eventsOf, n, setNode, sleep, startNode, storeWorkflow, testWorker, waitForStatus } from "./test-support";
import type { Worker } from "./worker";

const designer = actor(["designer"]);
const stranger = actor(["designer"]);
let worker: Worker;

const decisionGraph = {
  nodes: [
    startNode([{ name: "amount", label: "Amount", type: "number", required: true }]),
    setNode("double", "total", "amount * 2"),
    n("check", "decision", { branches: [{ id: "big", label: "Big", condition: "$vars.total > 100" }] }),
    setNode("big", "size", '"big"'),
    setNode("small", "size", '"small"'),
    endNode("end", [{ key: "size", expression: "$vars.size" }, { key: "total", expression: "$vars.total" }]),
  ],
  edges: [e("start", "double"), e("double", "check"), e("check", "big", "big"), e("check", "small", "default"), e("big", "end"), e("small", "end")],
};

async function start(workflowId: string, input: unknown, mode: "test" | "published" = "test") {
  const res = await startRunFor(designer, { workflowId, mode, input });
  if (!res.ok) throw new Error(res.message);
  return res.runId;
}

describe("runs on the real database", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowVersion.init(), WorkflowExecution.init(), EventLog.init(), ExecutionHistory.init()]);
    worker = testWorker();
  });
  afterAll(async () => {
    await worker.stop(1_000);
  });

  it("runs a set/decision workflow to completion: one history entry per node, gapless seq, a history record", async () => {
    const id = await storeWorkflow(designer, decisionGraph);
    const runId = await start(id, { amount: 30 });
    const state = await waitForStatus(runId);
    expect(state.status).toBe("completed");
    expect(state.output?.value).toEqual({ size: "small", total: 60 });

    const exec = await loadFullExecution(runId);
    expect(exec?.status).toBe("completed");
    const succeeded = historyOf(exec!).filter((h) => h.status === "succeeded").map((h) => h.nodeId);
    expect(succeeded).toEqual(["start", "double", "check", "small", "end"]);
    expect(exec!.metrics?.nodeCount).toBe(5);
    expect(exec!.waiting).toEqual([]);

    const events = await eventsOf(runId);
    expect(events.map((ev) => ev.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0].type).toBe("workflow_start");
    expect(events.at(-1)?.type).toBe("workflow_complete");
    expect(events.filter((ev) => ev.type === "node_complete")).toHaveLength(5);

    const history = await ExecutionHistory.findById(runId).lean();
    expect(history).toMatchObject({ status: "completed", version: null, trigger: { type: "test" } });
    expect(history!.nodeMetrics.find((m) => m.nodeId === "big")).toMatchObject({ status: "skipped", runs: 0 });
    expect(await RunQueue.countDocuments({ _id: runId })).toBe(0);
    expect((await LiveRun.find({ runId }).sort({ v: -1 }).lean())[0]).toMatchObject({ kind: "finished", status: "completed" });
  });

  it("pauses on a timer, leaves the worker, and resumes after wakeAt", async () => {
    const graph = {
      nodes: [startNode(), n("wait", "timer", { mode: "until", until: "$millis() + 700" }), setNode("after", "woke", "true"), endNode()],
      edges: [e("start", "wait"), e("wait", "after"), e("after", "end")],
    };
    const id = await storeWorkflow(designer, graph);
    const runId = await start(id, {});
    const paused = await waitForStatus(runId, ["paused"]);
    expect(paused.wakeAt).toBeGreaterThan(Date.now());
    await sleep(50);
    const entry = await RunQueue.findById(runId).lean();
    expect(entry?.runnableAt.getTime()).toBe(paused.wakeAt);
    expect((await LiveRun.find({ runId }).sort({ v: -1 }).lean())[0]).toMatchObject({ kind: "released", status: "paused" });
    expect((await WorkflowExecution.findById(runId).lean())?.status).toBe("paused");

    const done = await waitForStatus(runId);
    expect(done.status).toBe("completed");
    expect(done.endedAt! - done.startedAt!).toBeGreaterThanOrEqual(690);
    const types = (await eventsOf(runId)).map((ev) => ev.type);
    expect(types).toContain("timer_set");
    expect(types.filter((t) => t === "node_complete")).toHaveLength(4);
  });

  it("pins a run started from the published version to that version", async () => {
    const v1 = {
      nodes: [startNode(), n("pause", "timer", { mode: "until", until: "$millis() + 600" }), setNode("label", "label", '"v1"'), endNode("end", [{ key: "label", expression: "$vars.label" }])],
      edges: [e("start", "pause"), e("pause", "label"), e("label", "end")],
    };
    const id = await storeWorkflow(designer, v1);
    expect(await publishWorkflow(designer, { id })).toMatchObject({ ok: true, version: 1 });
    const runId = await start(id, {}, "published");
    await waitForStatus(runId, ["paused"]);

    const v2Nodes = v1.nodes.map((node) => (node.id === "label" ? setNode("label", "label", '"v2"') : node));
    expect((await saveGraph(designer, { id, revision: 1, nodes: v2Nodes, edges: v1.edges })).ok).toBe(true);
    expect(await publishWorkflow(designer, { id })).toMatchObject({ ok: true, version: 2 });

    expect((await waitForStatus(runId)).output?.value).toEqual({ label: "v1" });
    expect(await WorkflowExecution.findById(runId).lean()).toMatchObject({ version: 1, graphId: `${id}:1` });
    const later = await start(id, {}, "published");
    expect((await waitForStatus(later)).output?.value).toEqual({ label: "v2" });
  });

  it("refuses input that fails the start schema and creates nothing", async () => {
    const id = await storeWorkflow(designer, decisionGraph);
    const before = await Promise.all([WorkflowExecution.countDocuments(), RunQueue.countDocuments(), RunGraph.countDocuments(), EventLog.countDocuments()]);
    const res = await startRunFor(designer, { workflowId: id, mode: "test", input: { amount: "lots" } });
    expect(res).toMatchObject({ ok: false, errors: { amount: ["Amount must be a number"] } });
    expect(await startRunFor(designer, { workflowId: id, mode: "test", input: {} })).toMatchObject({ ok: false, errors: { amount: ["Amount is required"] } });
    expect(await startRunFor(designer, { workflowId: id, mode: "published", input: { amount: 1 } })).toMatchObject({ ok: false, message: expect.stringContaining("no published version") });
    const after = await Promise.all([WorkflowExecution.countDocuments(), RunQueue.countDocuments(), RunGraph.countDocuments(), EventLog.countDocuments()]);
    expect(after).toEqual(before);
  });

  it("lets only people with access start and see runs; follows a run's events to its end", async () => {
    const id = await storeWorkflow(designer, decisionGraph);
    await expect(startRunFor(stranger, { workflowId: id, mode: "test", input: { amount: 1 } })).rejects.toThrow("not shared with you");
    const runId = await start(id, { amount: 80 });
    const seen = [];
    for await (const event of followRun(runId, 0, { pollMs: 50 })) seen.push(event);
    expect(seen.map((ev) => ev.seq)).toEqual(seen.map((_, i) => i + 1));
    expect(seen.at(-1)?.type).toBe("workflow_complete");
    expect(seen.find((ev) => ev.type === "node_complete" && ev.nodeId === "big")).toBeTruthy();

    const detail = await getRun(designer, runId);
    expect(detail).toMatchObject({ status: "completed", output: { size: "big", total: 160 }, canCancel: false, canRerun: true, seq: seen.length });
    expect(detail!.steps.map((s) => s.nodeId)).toEqual(["start", "double", "check", "big", "end"]);
    expect(await getRun(stranger, runId)).toBeNull();
    expect(await getRun(designer, "0123456789abcdef01234567")).toBeNull();
    expect((await listRuns(designer, id, "completed"))?.map((r) => r.id)).toContain(runId);
    expect(await listRuns(stranger, id)).toBeNull();
  });
});
