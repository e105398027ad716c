// Retrying a failed run from the step that failed, through the real runtime and database, with
// the real HTTP action against a local server that refuses the first request.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { actor, person } from "@/lib/workflows/test-fixtures";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { RunMessage } from "@/models/RunMessage";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { sendJson, startLocalServer, type LocalServer } from "@/tests/local-http";
import { executors } from "@/lib/nodes/executors";
import type { ExecutorMap } from "@/lib/engine/executor";
import { flushRetired } from "./cleanup";
import { getRun } from "./queries";
import { requestRetry, retryFor } from "./retry";
import { startRunFor } from "./start";
import { e, endNode, eventsOf, n, setNode, startNode, storeWorkflow, testWorker, waitForStatus } from "./test-support";
import type { RuntimeServices } from "./services";
import type { Worker } from "./worker";

let designer: Actor = actor(["designer"]);
const stranger = actor(["designer"]);
let server: LocalServer;
let worker: Worker | null = null;
let healthy = false;

const realExecutors = executors as unknown as ExecutorMap<RuntimeServices>;
const line = (...ids: string[]) => ids.slice(1).map((id, i) => e(ids[i], id));

async function failingRun(): Promise<{ workflowId: string; runId: string }> {
  const workflowId = await storeWorkflow(designer, {
    nodes: [
      startNode([{ name: "order", type: "number", required: true }]),
      setNode("prep", "order", "$.order"),
      n("fetch", "action", { method: "GET", url: `${server.url}/orders/{{ order }}`, headers: [], body: "", timeoutMs: 2_000, retries: 0 }, "Fetch order"),
      setNode("after", "status", "$.body.status"),
      endNode("end", [{ key: "status", expression: "$vars.status" }]),
    ],
    edges: line("start", "prep", "fetch", "after", "end"),
  });
  const started = await startRunFor(designer, { workflowId, mode: "test", input: { order: 7 } });
  if (!started.ok) throw new Error(started.message);
  return { workflowId, runId: started.runId };
}

describe("retrying a failed run (real database, real HTTP)", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowExecution.init(), ExecutionHistory.init(), RunMessage.init()]);
    designer = await person("designer@retry.test", ["designer"]);
    server = await startLocalServer();
    server.handle((req, res) => (healthy ? sendJson(res, 200, { status: "shipped", path: req.url }) : sendJson(res, 409, { error: "order locked" })));
  });
  afterEach(async () => {
    await worker?.stop(500);
    worker = null;
    healthy = false;
  });
  afterAll(() => server.close());

  it("continues the same run from the failed step; earlier steps do not run again and seq has no gaps", async () => {
    worker = testWorker({ executors: realExecutors });
    const { runId } = await failingRun();
    const failed = await waitForStatus(runId);
    expect(failed.status).toBe("failed");
    expect(failed.error?.message).toMatch(/^"Fetch order" failed/);
    // Its checkpoints gone, the run is read back from its execution document.
    await flushRetired(Date.now() + 60_000);

    const failedView = await getRun(designer, runId);
    expect(failedView).toMatchObject({ status: "failed", canRetry: true, canCancel: false });
    expect(failedView!.graph.find((g) => g.nodeId === "fetch")).toEqual({ nodeId: "fetch", type: "action", label: "Fetch order", outputs: [{ id: "success", label: "Success" }, { id: "error", label: "On error" }] });

    await expect(retryFor(stranger, runId)).rejects.toThrow("does not exist, or its workflow is not shared with you");

    healthy = true;
    const retried = await retryFor(designer, runId);
    expect(retried).toMatchObject({ ok: true, message: "The run continues from the step that failed." });
    const done = await waitForStatus(runId);
    expect(done.status).toBe("completed");
    expect(done.output?.value).toEqual({ status: "shipped" });
    expect(done.retries).toBe(1);

    const events = await eventsOf(runId);
    expect(events.map((ev) => ev.seq)).toEqual(events.map((_, i) => i + 1));
    const starts = (nodeId: string) => events.filter((ev) => ev.type === "node_start" && ev.nodeId === nodeId).map((ev) => ev.data.attempt);
    expect(starts("start")).toEqual([1]);
    expect(starts("prep")).toEqual([1]);
    expect(starts("fetch")).toEqual([1, 2]);
    expect(starts("after")).toEqual([1]);
    const types = events.map((ev) => ev.type);
    expect(types.filter((t) => t === "workflow_failed")).toHaveLength(1);
    expect(types.indexOf("run_retried")).toBe(types.indexOf("workflow_failed") + 1);
    expect(events.find((ev) => ev.type === "run_retried")).toMatchObject({ nodeId: "fetch", stepId: "fetch#1", data: { retry: 1, by: designer.id, steps: [{ nodeId: "fetch", stepId: "fetch#1", attempt: 2 }] } });
    expect(types.at(-1)).toBe("workflow_complete");
    expect(server.seen.filter((r) => r.url === "/orders/7")).toHaveLength(2);
    expect(new Set(server.seen.map((r) => r.headers["idempotency-key"])).size).toBe(2);

    // The run page's view and the analytics record tell the new ending.
    const view = await getRun(designer, runId);
    expect(view).toMatchObject({ status: "completed", error: null, output: { status: "shipped" }, canRetry: false });
    expect(view!.steps.map((s) => [s.nodeId, s.attempt, s.status])).toEqual([
      ["start", 1, "succeeded"],
      ["prep", 1, "succeeded"],
      ["fetch", 1, "failed"],
      ["fetch", 2, "succeeded"],
      ["after", 1, "succeeded"],
      ["end", 1, "succeeded"],
    ]);
    expect(await ExecutionHistory.findById(runId).lean()).toMatchObject({ status: "completed", error: null });

    expect(await retryFor(designer, runId)).toEqual({ ok: false, message: "Only a failed run can be retried; this one is completed." });
  });

  it("turns two retries of the same failure into one", async () => {
    worker = testWorker({ executors: realExecutors });
    const { runId } = await failingRun();
    expect((await waitForStatus(runId)).status).toBe("failed");
    await worker.stop(500);
    worker = null;

    healthy = true;
    const first = await requestRetry(runId, { by: designer.id });
    const second = await requestRetry(runId, { by: designer.id });
    expect(first).toMatchObject({ ok: true, message: "The run is being retried from the step that failed." });
    expect(second).toMatchObject({ ok: true, message: "This run is already being retried." });

    worker = testWorker({ executors: realExecutors });
    expect((await waitForStatus(runId)).status).toBe("completed");
    const events = await eventsOf(runId);
    expect(events.filter((ev) => ev.type === "run_retried")).toHaveLength(1);
    expect(events.map((ev) => ev.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it("retries again when the retried step fails again", async () => {
    worker = testWorker({ executors: realExecutors });
    const { runId } = await failingRun();
    expect((await waitForStatus(runId)).status).toBe("failed");
    expect(await retryFor(designer, runId)).toMatchObject({ ok: true });
    expect((await waitForStatus(runId)).status).toBe("failed");
    healthy = true;
    expect(await retryFor(designer, runId)).toMatchObject({ ok: true });
    const done = await waitForStatus(runId);
    expect(done).toMatchObject({ status: "completed", retries: 2 });
    const events = await eventsOf(runId);
    expect(events.filter((ev) => ev.type === "node_start" && ev.nodeId === "fetch").map((ev) => ev.data.attempt)).toEqual([1, 2, 3]);
    expect(events.map((ev) => ev.seq)).toEqual(events.map((_, i) => i + 1));
  });
});
