import { deflateRawSync } from "node:zlib";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeState } from "@/lib/engine/storage";
import type { RunState } from "@/lib/engine/state";
import { getRun } from "@/lib/runtime/queries";
import { chainHistory, latestCheckpoint } from "@/lib/runtime/live-store";
import { historyOf } from "@/lib/runtime/execution-store";
import { startRunFor } from "@/lib/runtime/start";
import { e, endNode, eventsOf, setNode, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { actor } from "@/lib/workflows/test-fixtures";
import { EventLog } from "@/models/EventLog";
import { LiveRun } from "@/models/LiveRun";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { migrate } from "./index";
import { runFields } from "./002-run-fields";

// Old shapes are made the way the old code made them: the same run, written back packed.
const pack = (value: unknown) => deflateRawSync(JSON.stringify(value), { level: 1 });
const designer = actor(["designer"]);
const db = () => mongoose.connection.db!;

const graph = {
  nodes: [startNode([{ name: "amount", label: "Amount", type: "number", required: true }]), setNode("double", "total", "amount * 2"), setNode("label", "size", '"small"'), endNode("end", [{ key: "total", expression: "$vars.total" }])],
  edges: [e("start", "double"), e("double", "label"), e("label", "end")],
};

async function finishedRun(): Promise<string> {
  const workflowId = await storeWorkflow(designer, graph);
  const started = await startRunFor(designer, { workflowId, mode: "test", input: { amount: 21, "odd.key": { $weird: [[1, 2]] } } });
  if (!started.ok) throw new Error(started.message);
  await waitForStatus(started.runId);
  return started.runId;
}

/** Writes a run back in the shapes of before: packed state and history in the execution, JSON-text event data. */
async function makeOld(runId: string) {
  const detail = (await db().collection("execution_details").findOne({ _id: runId as never }))!;
  await db()
    .collection("workflow_executions")
    .updateOne({ _id: runId as never }, { $set: { state: pack(decodeState(detail.state as RunState)), executionHistory: pack(detail.executionHistory), pendingEvents: "[]" } });
  await db().collection("execution_details").deleteOne({ _id: runId as never });
  for (const ev of await db().collection("event_logs").find({ runId }).toArray()) {
    const { eventOf } = await import("@/lib/runtime/event-records");
    const rest = eventOf({ type: ev.type as string, data: ev.data, at: ev.at as Date }) as unknown as Record<string, unknown>;
    delete rest.type;
    delete rest.at;
    await db().collection("event_logs").updateOne({ _id: ev._id }, { $set: { data: JSON.stringify(rest) } });
  }
  return detail;
}

describe("migration 002: runs, checkpoints and events as readable fields", () => {
  let worker: Worker;
  beforeAll(async () => {
    await Promise.all([WorkflowExecution.init(), EventLog.init(), LiveRun.init()]);
    worker = testWorker();
  });
  afterAll(async () => {
    await worker.stop(1_000);
  });

  it("converts packed executions and JSON-text events into the fields the app reads, and a second pass changes nothing", async () => {
    const runId = await finishedRun();
    const before = await getRun(designer, runId);
    const eventsBefore = await eventsOf(runId);
    const original = await makeOld(runId);
    expect(await db().collection("execution_details").countDocuments({ _id: runId as never })).toBe(0);

    const reports = await migrate(db());
    expect(reports.map((r) => r.id)).toContain("002-run-fields");
    expect(reports.find((r) => r.id === "002-run-fields")!.changed).toBeGreaterThan(0);

    const detail = (await db().collection("execution_details").findOne({ _id: runId as never }))!;
    expect(detail.state).toEqual(original.state);
    expect(detail.executionHistory).toEqual(original.executionHistory);
    expect((await db().collection("workflow_executions").findOne({ _id: runId as never }))!.state).toBeUndefined();
    // Queryable as fields, the way someone with mongosh would ask.
    expect(await db().collection("execution_details").countDocuments({ _id: runId as never, "executionHistory.status": "succeeded", "state.status": "completed" })).toBe(1);
    expect(await db().collection("event_logs").countDocuments({ runId, type: "node_complete", "data.attempt": 1 })).toBe(4);
    expect(await eventsOf(runId)).toEqual(eventsBefore);
    expect(await getRun(designer, runId)).toEqual(before);

    expect(await runFields.run(db())).toBe(0);
    expect(await migrate(db())).toEqual([]);
  });

  it("splits old whole-history checkpoints into per-step entries, continuing the execution's history", async () => {
    const runId = await finishedRun();
    const exec = (await db().collection("workflow_executions").findOne({ _id: runId as never }))!;
    const detail = (await db().collection("execution_details").findOne({ _id: runId as never }))!;
    const history = historyOf(detail as never);
    expect(history.length).toBeGreaterThanOrEqual(4);
    const state = decodeState(detail.state as RunState);
    const book = { metrics: exec.metrics, aiUsage: [], humanInteractions: [], cancelledWaits: [] };
    const meta = { workflowId: String(exec.workflowId), workflowName: "", version: null, graphId: exec.graphId, depth: 0, parentExecutionId: null, parentStepId: null, parentAttempt: null, trigger: { type: "test", by: null }, concurrency: 0 };
    const old = (id: string, v: number, upTo: number) => ({
      _id: `${id}:${String(v).padStart(10, "0")}`,
      runId: id,
      v,
      seq: v,
      kind: "step",
      owner: "w",
      token: 1,
      workflowId: exec.workflowId,
      status: "running",
      data: pack({ state, book: { ...book, history: history.slice(0, upTo) }, meta, pendingEvents: [{ _id: `${id}:x`, seq: v, type: "node_start", data: '{"replay":true}' }] }),
      at: new Date(),
    });
    // A chain from version 1 (never left a worker) and one continuing an execution at version 5 with two entries.
    const fresh = `${runId}-fresh`;
    const later = `${runId}-later`;
    await db().collection("workflow_executions").insertMany([{ ...exec, _id: fresh as never, stateVersion: 0 }, { ...exec, _id: later as never, stateVersion: 5 }]);
    await db().collection("execution_details").insertMany([{ ...detail, _id: fresh as never, stateVersion: 0, executionHistory: [] }, { ...detail, _id: later as never, stateVersion: 5, executionHistory: history.slice(0, 2) }]);
    await db().collection("live_runs").insertMany([old(fresh, 1, 1), old(fresh, 2, 3), old(fresh, 3, 4), old(later, 6, 3), old(later, 7, 4)] as never[]);
    await db().collection("migrations").deleteOne({ _id: "002-run-fields" as never });

    await migrate(db());

    expect(await chainHistory(fresh, 0, 3)).toEqual(history.slice(0, 4));
    expect(await chainHistory(later, 5, 7)).toEqual(history.slice(2, 4));
    const head = await latestCheckpoint(fresh, 0);
    expect(head?.v).toBe(3);
    expect(head?.state).toEqual(state);
    expect(head?.pendingEvents[0].data).toEqual({ replay: true });
    expect(await db().collection("live_runs").countDocuments({ data: { $exists: true } })).toBe(0);
  });
});
