// A run uses a credential only when the person it acts as may: real runtime, real executors,
// real HTTP on 127.0.0.1, and no secret in any of the run's records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecutorMap } from "@/lib/engine/executor";
import { actionExecutor } from "@/lib/nodes/action/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { startRunFor } from "@/lib/runtime/start";
import { e, endNode, n, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { historyOf, loadFullExecution } from "@/lib/runtime/execution-store";
import { secretsProvider } from "@/lib/variables/fill-secrets";
import { person } from "@/lib/workflows/test-fixtures";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { allRunRecordsText } from "@/tests/run-records";
import { sendJson, startLocalServer, type LocalServer } from "@/tests/local-http";
import { credentialsProvider } from "./runtime";
import { createCredential } from "./service";
import { shareCredential } from "./sharing";

const TOKEN = "tok-7f3a-very-secret";
let server: LocalServer;
let worker: Worker;
let ada: Awaited<ReturnType<typeof person>>;
let bob: Awaited<ReturnType<typeof person>>;
let credentialId: string;

const executors: ExecutorMap<RuntimeServices> = { action: actionExecutor as ExecutorMap<RuntimeServices>[string] };

function callGraph(credential: string) {
  return {
    nodes: [
      startNode(),
      n("call", "action", { method: "GET", url: `${server.url}/me`, headers: [], body: "", timeoutMs: 10_000, retries: 0, credentialId: credential }),
      endNode("end", [{ key: "who", expression: "$nodes.call.body.who" }]),
    ],
    edges: [e("start", "call"), e("call", "end", "success")],
  };
}

async function run(as: typeof ada, workflowId: string, through?: { type: "schedule" | "webhook" | "api" }) {
  const res = await startRunFor(as, { workflowId, mode: "test", input: {} }, {}, through);
  if (!res.ok) throw new Error(res.message);
  return res.runId;
}

describe("credentials at run time (real database, real HTTP)", () => {
  beforeAll(async () => {
    server = await startLocalServer();
    // The server answers only a request that carries the right Authorization header.
    server.handle((req, res) => (req.headers.authorization === `Bearer ${TOKEN}` ? sendJson(res, 200, { who: "ada's service" }) : sendJson(res, 401, { error: "no" })));
    worker = testWorker({ executors, providers: { credentials: credentialsProvider, secrets: secretsProvider } });
    ada = await person("ada@run-use.test", ["designer"]);
    bob = await person("bob@run-use.test", ["designer"]);
    const created = await createCredential(ada, { name: "Ada's API", type: "bearer", fields: { token: TOKEN } });
    credentialId = created.id!;
  });
  afterAll(async () => {
    await worker.stop(1_000);
    await server.close();
  });

  it("sends the owner's credential: the server sees the Authorization header and the run completes", async () => {
    const wf = await storeWorkflow(ada, callGraph(credentialId));
    const runId = await run(ada, wf);
    const state = await waitForStatus(runId);
    expect(state.status).toBe("completed");
    expect(state.output?.value).toEqual({ who: "ada's service" });
    expect(server.seen.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("refuses at the step when the person who started the run may not use the credential (an imported workflow naming someone else's)", async () => {
    const wf = await storeWorkflow(bob, callGraph(credentialId));
    const before = server.seen.length;
    const runId = await run(bob, wf);
    const state = await waitForStatus(runId);
    expect(state.status).toBe("failed");
    const exec = await loadFullExecution(runId);
    const step = historyOf(exec!).find((h) => h.nodeId === "call")!;
    expect(step.status).toBe("failed");
    expect(step.error).toMatchObject({ code: "credential_forbidden", message: expect.stringContaining(`the person who started this run may not use credential ${credentialId}`) });
    expect(server.seen.length).toBe(before);
  });

  it("a run started by a trigger uses what the trigger's owner may use: after sharing, bob's scheduled run succeeds", async () => {
    const wf = await storeWorkflow(bob, callGraph(credentialId));
    expect((await waitForStatus(await run(bob, wf, { type: "schedule" }))).status).toBe("failed");
    await shareCredential(ada, credentialId, { users: [bob.id], roles: [] });
    const runId = await run(bob, wf, { type: "schedule" });
    expect((await waitForStatus(runId)).status).toBe("completed");
    const trigger = (await WorkflowExecution.findById(runId).lean())!.trigger!;
    expect([trigger.type, String(trigger.by)]).toEqual(["schedule", bob.id]);
  });

  it("no secret in any run's input, output, events or step records", async () => {
    const text = await allRunRecordsText();
    expect(text).toContain(credentialId);
    expect(text).not.toContain(TOKEN);
  });
});
