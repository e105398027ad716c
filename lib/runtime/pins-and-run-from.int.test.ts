// Pinned outputs and "run from here" on the real runtime and database, with a real HTTP server
// on 127.0.0.1 that counts its calls: a test run of the draft reuses a pinned output instead of
// calling the server, a published run never does; a run started from a step skips the steps
// before it and works on the past run's data.
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executors } from "@/lib/nodes/executors";
import { exportWorkflow } from "@/lib/workflows/queries";
import { publishWorkflow, saveGraph } from "@/lib/workflows/service";
import { person } from "@/lib/workflows/test-fixtures";
import type { WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";
import { Workflow } from "@/models/Workflow";
import { WorkflowVersion, versionId } from "@/models/WorkflowVersion";
import { sendJson, startLocalServer, type LocalServer } from "@/tests/local-http";
import { historyOf, loadFullExecution } from "./execution-store";
import { getRun, listRuns } from "./queries";
import { startRunFor } from "./start";
import { runFromHereFor } from "./start-from";
import { e, endNode, eventsOf, n, setNode, startNode, storeWorkflow, testWorker, waitForStatus } from "./test-support";
import type { Worker } from "./worker";

let server: LocalServer;
let worker: Worker;
let calls = 0;
let ada: Awaited<ReturnType<typeof person>>;
let viewer: Awaited<ReturnType<typeof person>>;
let stranger: Awaited<ReturnType<typeof person>>;

function graph(): WorkflowGraph {
  return {
    nodes: [
      startNode([{ name: "amount", label: "Amount", type: "number", required: true }]),
      setNode("tax", "rate", "$input.amount > 100 ? 0.2 : 0.1"),
      n("call", "action", { method: "POST", url: `${server.url}/quote`, headers: [], body: '{"amount": {{ $input.amount }}}', timeoutMs: 10_000, retries: 0 }, "Get quote"),
      endNode("end", [
        { key: "quote", expression: "$nodes.call.body" },
        { key: "rate", expression: "$vars.rate" },
      ]),
    ],
    edges: [e("start", "tax"), e("tax", "call"), e("call", "end", "success")],
  };
}

async function run(workflowId: string, mode: "test" | "published", input: unknown) {
  const started = await startRunFor(ada, { workflowId, mode, input });
  if (!started.ok) throw new Error(started.message);
  return started.runId;
}

/** Saves the draft through the service (schema, storable, codec) with `pinned` on the call node. */
async function pin(workflowId: string, pinned: WorkflowNode["data"]["pinned"]) {
  const doc = await Workflow.findById(workflowId).lean();
  const nodes = graph().nodes.map((node) => (node.id === "call" ? { ...node, data: { ...node.data, pinned } } : node));
  const saved = await saveGraph(ada, { id: workflowId, revision: doc!.revision, nodes, edges: graph().edges });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
}

describe("pinned outputs and run from here (real runtime, real HTTP)", () => {
  beforeAll(async () => {
    server = await startLocalServer();
    server.handle((req, res) => {
      calls += 1;
      sendJson(res, 200, { price: JSON.parse(req.body).amount * 3, from: "server" });
    });
    worker = testWorker({ executors });
    ada = await person("ada@pins.test", ["designer"]);
    viewer = await person("vic@pins.test", ["designer"]);
    stranger = await person("sam@pins.test", ["designer"]);
  });
  afterAll(async () => {
    await worker.stop(1_000);
    await server.close();
  });

  it("a test run reuses the pinned output; a published run calls the server (pins are stripped at publish)", async () => {
    const wf = await storeWorkflow(ada, graph());
    // A key the database refuses ("a.b") in the user's payload: stored as JSON text, read back intact.
    // The browser names nobody as pinnedBy: the save writes who saved the pin.
    const pinned = { output: { status: 200, body: { price: 1, from: "pin", "a.b": true } }, handle: "success", pinnedAt: "2026-12-03T09:00:00.000Z", pinnedBy: "" };
    await pin(wf, pinned);
    const stored = await mongoose.connection.db!.collection("workflows").findOne({ _id: new mongoose.Types.ObjectId(wf) });
    const storedCall = (stored!.nodes as { id: string; data: Record<string, unknown> }[]).find((node) => node.id === "call")!;
    expect(storedCall.data.pinned).toMatchObject({ pinnedAt: pinned.pinnedAt, pinnedBy: ada.id, handle: "success", outputJson: JSON.stringify(pinned.output) });

    const before = calls;
    const testRun = await run(wf, "test", { amount: 10 });
    const state = await waitForStatus(testRun);
    expect(state.status).toBe("completed");
    expect(state.output?.value).toEqual({ quote: pinned.output.body, rate: 0.1 });
    expect(calls).toBe(before);
    const events = await eventsOf(testRun);
    expect(events.find((ev) => ev.type === "pinned_output")).toMatchObject({ nodeId: "call", data: { pinnedAt: pinned.pinnedAt, pinnedBy: ada.id } });
    const step = historyOf((await loadFullExecution(testRun))!).find((h) => h.nodeId === "call")!;
    expect(step.logs?.join("\n")).toContain("pinned output used");

    // An exported file leaves the pin out: it is run data of this draft, not part of the workflow.
    expect((await exportWorkflow(ada, wf)).nodes.find((node) => node.id === "call")?.data.pinned).toBeUndefined();
    const published = await publishWorkflow(ada, { id: wf });
    if (!published.ok) throw new Error(published.message);
    const version = await WorkflowVersion.findById(versionId(wf, published.version)).lean();
    expect((version!.nodes as { data: Record<string, unknown> }[]).every((node) => node.data.pinned === undefined)).toBe(true);
    const liveRun = await run(wf, "published", { amount: 10 });
    expect((await waitForStatus(liveRun)).output?.value).toEqual({ quote: { price: 30, from: "server" }, rate: 0.1 });
    expect(calls).toBe(before + 1);

    // The draft still has its pin; unpinning (saving without it) makes test runs call again.
    await pin(wf, undefined);
    const unpinned = await run(wf, "test", { amount: 2 });
    expect((await waitForStatus(unpinned)).output?.value).toEqual({ quote: { price: 6, from: "server" }, rate: 0.1 });
    expect(calls).toBe(before + 2);
  });

  it("run from here starts at the chosen step with the past run's data and skips the steps before it", async () => {
    const wf = await storeWorkflow(ada, graph(), {}, { viewers: [viewer.id] });
    const past = await run(wf, "test", { amount: 200 });
    expect((await waitForStatus(past)).output?.value).toEqual({ quote: { price: 600, from: "server" }, rate: 0.2 });
    const before = calls;

    const started = await runFromHereFor(ada, { workflowId: wf, fromRunId: past, nodeId: "call" });
    if (!started.ok) throw new Error(started.message);
    const state = await waitForStatus(started.runId);
    expect(state.status).toBe("completed");
    // The server got the past run's input; the rate is the one the skipped set step computed then.
    expect(JSON.parse(server.seen.at(-1)!.body)).toEqual({ amount: 200 });
    expect(state.output?.value).toEqual({ quote: { price: 600, from: "server" }, rate: 0.2 });
    expect(calls).toBe(before + 1);
    const ran = historyOf((await loadFullExecution(started.runId))!).map((h) => h.nodeId);
    expect(ran).toEqual(["call", "end"]);

    const detail = await getRun(ada, started.runId);
    expect(detail).toMatchObject({ version: null, trigger: { type: "test", startedFrom: { runId: past, nodeId: "call" } } });
    expect((await listRuns(ada, wf))?.map((r) => r.id)).toContain(started.runId);
  });

  it("keeps the rights: a viewer may not start it, a stranger may not use a run they cannot read", async () => {
    const wf = await storeWorkflow(ada, graph(), {}, { viewers: [viewer.id] });
    const past = await run(wf, "test", { amount: 1 });
    await waitForStatus(past);
    await expect(runFromHereFor(viewer, { workflowId: wf, fromRunId: past, nodeId: "call" })).rejects.toThrow("not run it");
    const own = await storeWorkflow(stranger, graph());
    expect(await runFromHereFor(stranger, { workflowId: own, fromRunId: past, nodeId: "call" })).toMatchObject({ ok: false, message: expect.stringContaining("does not exist") });
    expect(await runFromHereFor(ada, { workflowId: wf, fromRunId: past, nodeId: "gone" })).toMatchObject({ ok: false, message: expect.stringContaining('"gone" did not run') });
  });
});
