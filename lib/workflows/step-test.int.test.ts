// "Test this step" on the real database, the real executors and a real HTTP server on
// 127.0.0.1: one node runs alone with the latest run's data or typed JSON, with the tester's
// credentials and the script sandbox, and no run is created.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCredential } from "@/lib/credentials/service";
import { executors } from "@/lib/nodes/executors";
import { getNodeDefinition } from "@/lib/nodes/registry";
import { serviceProviders } from "@/lib/runtime/providers";
import { startRunFor } from "@/lib/runtime/start";
import { e, endNode, n, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { listRuns } from "@/lib/runtime/queries";
import { EventLog } from "@/models/EventLog";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { sendJson, startLocalServer, type LocalServer } from "@/tests/local-http";
import { testStep } from "./step-test";
import { person } from "./test-fixtures";

const TOKEN = "tok-step-test-secret";
let server: LocalServer;
let worker: Worker;
let ada: Awaited<ReturnType<typeof person>>;
let viewer: Awaited<ReturnType<typeof person>>;
let credentialId: string;

function graph() {
  return {
    nodes: [
      startNode([{ name: "amount", label: "Amount", type: "number", required: true }]),
      n("call", "action", { method: "POST", url: `${server.url}/orders/{{ $.amount }}`, headers: [], body: '{"amount": {{ $input.amount }}}', timeoutMs: 10_000, retries: 0, credentialId }, "Create order"),
      n("double", "script", { source: 'console.log("got", input.body.amount); return { doubled: input.body.amount * 2 };', timeLimitMs: 1_000, memoryLimitMb: 32 }, "Double it"),
      endNode("end", [{ key: "doubled", expression: "$nodes.double.result.doubled" }]),
    ],
    edges: [e("start", "call"), e("call", "double", "success"), e("double", "end")],
  };
}

const executions = (workflowId: string) => WorkflowExecution.countDocuments({ workflowId });

describe("testing one step (real database, real HTTP, real sandbox)", () => {
  beforeAll(async () => {
    server = await startLocalServer();
    server.handle((req, res) =>
      req.headers.authorization === `Bearer ${TOKEN}` ? sendJson(res, 200, { order: req.url, amount: JSON.parse(req.body || "{}").amount ?? null }) : sendJson(res, 401, { error: "no" }),
    );
    worker = testWorker({ executors, providers: serviceProviders });
    ada = await person("ada@step-test.test", ["designer"]);
    viewer = await person("vic@step-test.test", ["designer"]);
    credentialId = (await createCredential(ada, { name: "Orders API", type: "bearer", fields: { token: TOKEN } })).id!;
  });
  afterAll(async () => {
    await worker.stop(1_000);
    await server.close();
  });

  it("runs an HTTP step alone on the latest run's data, with the tester's credential, and creates no run", async () => {
    const wf = await storeWorkflow(ada, graph(), {}, { viewers: [viewer.id] });
    const started = await startRunFor(ada, { workflowId: wf, mode: "test", input: { amount: 21 } });
    if (!started.ok) throw new Error(started.message);
    expect((await waitForStatus(started.runId)).status).toBe("completed");
    const runsBefore = await executions(wf);
    const eventsBefore = await EventLog.countDocuments({});
    const callsBefore = server.seen.length;

    const tested = await testStep(ada, { id: wf, nodeId: "call", input: { source: "latest" } });
    if (!tested.ok) throw new Error(tested.message);
    const { result } = tested;
    expect(result).toMatchObject({ status: "succeeded", inputFromRunId: started.runId, input: { amount: 21 } });
    expect(result.output).toMatchObject({ status: 200, body: { order: "/orders/21", amount: 21 } });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.logs.join("\n")).toContain("/orders/21");
    // One request, with the credential, and an idempotency key of its own (never a real run step's).
    expect(server.seen.length).toBe(callsBefore + 1);
    expect(server.seen.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(String(server.seen.at(-1)!.headers["idempotency-key"])).toMatch(/^step-test-/);
    // No run, no event: run lists and dashboards cannot see a step test.
    expect(await executions(wf)).toBe(runsBefore);
    expect(await EventLog.countDocuments({})).toBe(eventsBefore);
    expect(await listRuns(ada, wf)).toHaveLength(1);
  });

  it("takes typed JSON as the input, and says where typed JSON breaks", async () => {
    const wf = await storeWorkflow(ada, graph());
    const tested = await testStep(ada, { id: wf, nodeId: "call", input: { source: "json", text: '{"amount": 5}' } });
    expect(tested).toMatchObject({ ok: true, result: { status: "succeeded", inputFromRunId: null, output: { body: { order: "/orders/5" } } } });
    const broken = await testStep(ada, { id: wf, nodeId: "call", input: { source: "json", text: '{"amount": 5,}' } });
    expect(broken).toMatchObject({ ok: false, message: expect.stringContaining("not valid JSON"), errors: { input: [expect.stringContaining("not valid JSON")] } });
    // With no run yet, "latest run" says what to do instead.
    expect(await testStep(ada, { id: wf, nodeId: "call", input: { source: "latest" } })).toMatchObject({ ok: false, message: expect.stringContaining("No run has reached this step yet") });
  });

  it("runs a script step in the sandbox: its result, its console lines, and a failing script's error", async () => {
    const wf = await storeWorkflow(ada, graph());
    const tested = await testStep(ada, { id: wf, nodeId: "double", input: { source: "json", text: '{"body": {"amount": 4}}' } });
    expect(tested).toMatchObject({ ok: true, result: { status: "succeeded", output: { result: { doubled: 8 } } } });
    expect(tested.ok && tested.result.logs.join("\n")).toContain("got 4");
    const failing = await testStep(ada, { id: wf, nodeId: "double", input: { source: "json", text: "{}" } });
    expect(failing).toMatchObject({ ok: true, result: { status: "failed", error: { code: expect.stringMatching(/^script_/), message: expect.stringContaining("amount") } } });
  });

  it("says why a human step cannot be tested alone, and refuses people who may not edit the workflow", async () => {
    const { nodes, edges } = graph();
    const human = n("approve", "human", structuredClone(getNodeDefinition("human")!.defaults()) as Record<string, unknown>, "Approve");
    const wf = await storeWorkflow(ada, { nodes: [...nodes, human], edges }, {}, { viewers: [viewer.id] });
    expect(await testStep(ada, { id: wf, nodeId: "approve", input: { source: "json", text: "{}" } })).toMatchObject({ ok: false, message: expect.stringContaining("cannot be tested alone") });
    expect(await testStep(viewer, { id: wf, nodeId: "call", input: { source: "json", text: "{}" } }).catch((err: Error) => err.message)).toContain("not change it");
    expect(await testStep(ada, { id: wf, nodeId: "nope", input: { source: "json", text: "{}" } })).toMatchObject({ ok: false, message: expect.stringContaining('"nope" is not in the saved draft') });
  });
});
