// Global and workflow variables in runs: `$vars` in decisions, set steps and templates, the
// workflow's own over the global ones, new runs only, secrets kept out of every record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermissionError } from "@/lib/auth/errors";
import type { ExecutorMap } from "@/lib/engine/executor";
import { actionExecutor } from "@/lib/nodes/action/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { startRunFor } from "@/lib/runtime/start";
import { e, endNode, n, setNode, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { person } from "@/lib/workflows/test-fixtures";
import { Variable } from "@/models/Variable";
import { Workflow } from "@/models/Workflow";
import { allRunRecordsText } from "@/tests/run-records";
import { sendJson, startLocalServer, type LocalServer } from "@/tests/local-http";
import { fillSecrets, secretsProvider } from "./fill-secrets";
import { deleteVariable, listGlobalVariables, listWorkflowVariables, saveVariable, variableNames } from "./service";
import { secretMarker } from "./secret-marker";

const API_KEY = "k-9931-super-secret";
const executors: ExecutorMap<RuntimeServices> = { action: actionExecutor as ExecutorMap<RuntimeServices>[string] };
let server: LocalServer;
let worker: Worker;
let admin: Awaited<ReturnType<typeof person>>;
let ada: Awaited<ReturnType<typeof person>>;
let viewer: Awaited<ReturnType<typeof person>>;

const add = async (as: typeof ada, workflowId: string | null, form: Record<string, unknown>) => {
  const res = await saveVariable(as, workflowId, null, form);
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.id!;
};

async function run(workflowId: string, input: unknown = {}) {
  const res = await startRunFor(ada, { workflowId, mode: "test", input });
  if (!res.ok) throw new Error(res.message);
  return res.runId;
}

describe("variables in runs (real database, real HTTP)", () => {
  beforeAll(async () => {
    await Promise.all([Variable.init(), Workflow.init()]);
    server = await startLocalServer();
    // Says whether the key was right without echoing it, so no secret can come back in a step output.
    server.handle((req, res) => sendJson(res, 200, { path: req.url, keyOk: req.headers["x-api-key"] === API_KEY }));
    worker = testWorker({ executors, providers: { secrets: secretsProvider } });
    admin = await person("admin@vars.test", ["admin"]);
    ada = await person("ada@vars.test", ["designer"]);
    viewer = await person("viewer@vars.test", ["designer"]);
  });
  afterAll(async () => {
    await worker.stop(1_000);
    await server.close();
  });

  it("reads typed global and workflow variables in a set step, a decision and a template; the workflow's own wins", async () => {
    await add(admin, null, { name: "rate", type: "number", value: "2" });
    await add(admin, null, { name: "region", type: "string", value: "eu" });
    await add(admin, null, { name: "limits", type: "json", value: '{"big": 100}' });
    const wf = await storeWorkflow(ada, {
      nodes: [
        startNode([{ name: "amount", label: "Amount", type: "number", required: true }]),
        setNode("total", "total", "amount * $vars.rate"),
        n("check", "decision", { branches: [{ id: "big", label: "Big", condition: "$vars.total > $vars.limits.big and $vars.strict" }] }),
        setNode("big", "size", '"big"'),
        setNode("small", "size", '"small"'),
        n("call", "action", { method: "GET", url: `${server.url}/{{ $vars.region }}/{{ $vars.size }}`, headers: [], body: "", timeoutMs: 10_000, retries: 0 }),
        endNode("end", [{ key: "size", expression: "$vars.size" }, { key: "total", expression: "$vars.total" }, { key: "path", expression: "$nodes.call.body.path" }]),
      ],
      edges: [e("start", "total"), e("total", "check"), e("check", "big", "big"), e("check", "small", "default"), e("big", "call"), e("small", "call"), e("call", "end", "success")],
    });
    await add(ada, wf, { name: "region", type: "string", value: "us" });
    await add(ada, wf, { name: "strict", type: "boolean", value: "true" });

    const state = await waitForStatus(await run(wf, { amount: 60 }));
    expect({ status: state.status, error: state.error }).toEqual({ status: "completed", error: undefined });
    expect(state.output?.value).toEqual({ size: "big", total: 120, path: "/us/big" });

    // The run keeps the values it started with (the workflow's region over the global one), set-step writes on top.
    const recorded = Object.fromEntries(state.data.variables.map((v) => [v.name, v.value]));
    expect(recorded).toEqual({ limits: { big: 100 }, rate: 2, region: "us", strict: true, total: 120, size: "big" });
    expect(await variableNames(ada, wf)).toEqual([
      { name: "limits", scope: "global", type: "json", secret: false },
      { name: "rate", scope: "global", type: "number", secret: false },
      { name: "region", scope: "workflow", type: "string", secret: false },
      { name: "strict", scope: "workflow", type: "boolean", secret: false },
    ]);
  });

  it("a change affects new runs only: a run waiting on a timer keeps the value it started with", async () => {
    await add(admin, null, { name: "factor", type: "number", value: "3" });
    const wf = await storeWorkflow(ada, {
      nodes: [startNode(), n("wait", "timer", { mode: "delay", delaySeconds: 1 }), endNode("end", [{ key: "factor", expression: "$vars.factor" }])],
      edges: [e("start", "wait"), e("wait", "end")],
    });
    const first = await run(wf);
    expect(await saveVariable(admin, null, "global:factor", { name: "factor", type: "number", value: "7" })).toMatchObject({ ok: true });
    const second = await run(wf);
    expect((await waitForStatus(first)).output?.value).toEqual({ factor: 3 });
    expect((await waitForStatus(second)).output?.value).toEqual({ factor: 7 });
  });

  it("a secret reaches the HTTP header and nothing else: the run records a placeholder; set steps copy only the placeholder", async () => {
    const wf = await storeWorkflow(ada, {
      nodes: [
        startNode(),
        setNode("copy", "copied", "$vars.apiKey"),
        n("call", "action", { method: "GET", url: `${server.url}/secure`, headers: [{ key: "X-Api-Key", value: "{{ $vars.apiKey }}" }], body: "", timeoutMs: 10_000, retries: 0 }),
        endNode("end", [{ key: "copied", expression: "$vars.copied" }]),
      ],
      edges: [e("start", "copy"), e("copy", "call"), e("call", "end", "success")],
    });
    await add(ada, wf, { name: "apiKey", type: "string", secret: true, value: API_KEY });
    const runId = await run(wf);
    const state = await waitForStatus(runId);
    expect(state.status).toBe("completed");
    expect(server.seen.at(-1)!.headers["x-api-key"]).toBe(API_KEY);
    expect((state.output?.value as { copied: string }).copied).toBe(secretMarker(runId, "apiKey"));
    expect(state.data.variables.find((v) => v.name === "apiKey")?.value).toBe(secretMarker(runId, "apiKey"));

    // Lists never give the value back; the stored document holds it sealed.
    expect((await listWorkflowVariables(ada, wf)).find((v) => v.name === "apiKey")).toMatchObject({ secret: true, value: "" });
    expect(JSON.stringify(await Variable.collection.findOne({ _id: `${wf}:apiKey` } as never))).not.toContain(API_KEY);
  });

  it("no secret value in any run's input, output, variables, events or step records", async () => {
    const text = await allRunRecordsText();
    expect(text).toContain("apiKey");
    expect(text).not.toContain(API_KEY);
  });

  it("refuses a placeholder that was not made by the run (typed into the input, or from another run)", async () => {
    const wf = (await Workflow.findOne({}, { _id: 1 }).lean())!._id.toString();
    const forged = secretMarker("000000000000000000000000", "apiKey");
    expect(await fillSecrets({ runId: "111111111111111111111111", workflowId: wf }, `Bearer ${forged}`)).toMatchObject({ ok: false, message: expect.stringMatching(/not made by this run/) });
    const genuine = secretMarker("111111111111111111111111", "nothere");
    expect(await fillSecrets({ runId: "111111111111111111111111", workflowId: wf }, genuine)).toMatchObject({ ok: false, message: expect.stringMatching(/no longer exists/) });
  });

  it("checks rights, types and names, and saves nothing that is wrong", async () => {
    const wf = await storeWorkflow(ada, { nodes: [startNode()], edges: [] }, {}, { viewers: [viewer.id] });
    await expect(saveVariable(ada, null, null, { name: "x", type: "string", value: "v" })).rejects.toBeInstanceOf(PermissionError);
    await expect(saveVariable(viewer, wf, null, { name: "x", type: "string", value: "v" })).rejects.toBeInstanceOf(PermissionError);
    await expect(listGlobalVariables(ada)).rejects.toBeInstanceOf(PermissionError);
    expect(await saveVariable(ada, wf, null, { name: "1bad", type: "string", value: "" })).toMatchObject({ ok: false, errors: { name: [expect.stringMatching(/start with a letter/)] } });
    expect(await saveVariable(ada, wf, null, { name: "n", type: "number", value: "twelve" })).toMatchObject({ ok: false, errors: { value: [expect.stringMatching(/not a number/)] } });
    expect(await saveVariable(ada, wf, null, { name: "j", type: "json", value: "{oops" })).toMatchObject({ ok: false, errors: { value: [expect.stringMatching(/not valid JSON/)] } });
    expect(await saveVariable(ada, wf, null, { name: "b", type: "boolean", value: "yes" })).toMatchObject({ ok: false, errors: { value: [expect.stringMatching(/true or false/)] } });
    await add(ada, wf, { name: "dup", type: "string", value: "1" });
    expect(await saveVariable(ada, wf, null, { name: "dup", type: "string", value: "2" })).toMatchObject({ ok: false, errors: { name: [expect.stringMatching(/already exists/)] } });
    expect((await listWorkflowVariables(viewer, wf)).map((v) => v.name)).toEqual(["dup"]);
  });

  it("warns before deleting a variable in use, naming the workflows; deletes when confirmed", async () => {
    const first = await deleteVariable(admin, "global:rate");
    expect(first).toMatchObject({ ok: false, inUse: [{ id: expect.any(String), name: "Runtime test" }], message: expect.stringMatching(/\$vars\.rate is used by the workflow "Runtime test"/) });
    expect(await Variable.countDocuments({ _id: "global:rate" } as never)).toBe(1);
    expect(await deleteVariable(admin, "global:rate", { confirmed: true })).toMatchObject({ ok: true });
    expect(await Variable.countDocuments({ _id: "global:rate" } as never)).toBe(0);
    await add(admin, null, { name: "unused", type: "string", value: "x" });
    expect(await deleteVariable(admin, "global:unused")).toMatchObject({ ok: true });
  });
});
