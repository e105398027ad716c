// Webhooks against the real database, through the route's handler with real Requests: token and
// HMAC auth (good, bad, replayed), body limits and content types, both response modes,
// idempotent redelivery, the rate limit, refusals that start nothing, and the owner's rights —
// checked from a read up to a second old before the 202 and afresh before the run starts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e, endNode, n, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import { person } from "@/lib/workflows/test-fixtures";
import { publishWorkflow, setArchived } from "@/lib/workflows/service";
import { User } from "@/models/User";
import { WebhookDelivery } from "@/models/WebhookDelivery";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { TriggerPending } from "@/models/TriggerPending";
import { createTrigger, triggersPanel, updateTrigger } from "../service";
import { signatureHeader } from "./auth";
import { handleWebhook } from "./handle";
import { resetBuckets } from "./rate-limit";
import { HOOK_STATE_TTL_MS } from "./hook-state";
import { OWNER_REFUSED } from "../fire";
import mongoose from "mongoose";
import type { Worker } from "@/lib/runtime/worker";

let worker: Worker;
let designer: Awaited<ReturnType<typeof person>>;
let workflowId: string;

const graph = {
  nodes: [
    startNode([{ name: "amount", type: "number", required: true }]),
    n("double", "set", { assignments: [{ variable: "doubled", expression: "amount * 2" }] }),
    endNode("end", [{ key: "doubled", expression: "$vars.doubled" }, { key: "source", expression: "headers.`x-source`" }]),
  ],
  edges: [e("start", "double"), e("double", "end")],
};

async function hook(webhook: Record<string, unknown>) {
  const created = await createTrigger(designer, { workflowId, kind: "webhook", webhook: { methods: ["POST"], auth: "token", ...webhook } });
  if (!created.ok) throw new Error(created.message);
  return { id: created.trigger.id, secret: created.secret!.value };
}

function call(id: string, init: RequestInit & { query?: string } = {}) {
  return handleWebhook(new Request(`http://127.0.0.1/api/hooks/${id}${init.query ?? ""}`, { method: "POST", ...init }), id);
}

const runsOf = (triggerId: string) => WorkflowExecution.countDocuments({ "trigger.source": triggerId });

beforeAll(async () => {
  designer = await person("hooks-designer@example.com", ["designer"]);
  workflowId = await storeWorkflow(designer, graph);
  const published = await publishWorkflow(designer, { id: workflowId });
  if (!published.ok) throw new Error(published.message);
  worker = testWorker();
});

afterAll(async () => {
  await worker.stop(1_000);
});

describe("webhook auth", () => {
  it("accepts the bearer token, refuses a wrong or missing one, and never stores the token", async () => {
    const { id, secret } = await hook({});
    const good = await call(id, { headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", "x-source": "crm" }, body: JSON.stringify({ amount: 21 }) });
    expect(good.status).toBe(202);
    const { runId } = (await good.json()) as { runId: string };
    const state = await waitForStatus(runId);
    expect(state.status).toBe("completed");
    const exec = await WorkflowExecution.findById(runId).lean();
    expect(exec?.trigger?.type).toBe("webhook");
    expect(exec?.trigger?.source).toBe(id);
    expect(exec?.input).not.toContain(secret);
    expect(JSON.parse(exec!.input!)).toMatchObject({ amount: 21, body: { amount: 21 }, method: "POST", headers: { "x-source": "crm" } });

    const wrong = await call(id, { headers: { authorization: "Bearer nope", "content-type": "application/json" }, body: "{}" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: "unauthorized" });
    expect((await call(id, { body: "{}" })).status).toBe(401);
    expect(await runsOf(id)).toBe(1);
    const panel = await triggersPanel(designer, workflowId);
    expect(JSON.stringify(panel)).not.toContain(secret);
  });

  it("checks the HMAC signature over timestamp.body and refuses a replay outside 5 minutes", async () => {
    const { id, secret } = await hook({ auth: "hmac" });
    const body = JSON.stringify({ amount: 4 });
    const ok = await call(id, { headers: { "x-switchyard-signature": signatureHeader(secret, body), "content-type": "application/json" }, body });
    expect(ok.status).toBe(202);
    await waitForStatus(((await ok.json()) as { runId: string }).runId);
    const tampered = await call(id, { headers: { "x-switchyard-signature": signatureHeader(secret, body), "content-type": "application/json" }, body: JSON.stringify({ amount: 5 }) });
    expect(tampered.status).toBe(401);
    const otherSecret = await call(id, { headers: { "x-switchyard-signature": signatureHeader("sws_other", body), "content-type": "application/json" }, body });
    expect(otherSecret.status).toBe(401);
    const old = await call(id, { headers: { "x-switchyard-signature": signatureHeader(secret, body, Date.now() - 6 * 60_000), "content-type": "application/json" }, body });
    expect(old.status).toBe(401);
    expect(((await old.json()) as { message: string }).message).toMatch(/replayed/);
    expect((await call(id, { headers: { "x-switchyard-signature": "t=1,v1=zz" }, body })).status).toBe(401);
    expect(await runsOf(id)).toBe(1);
  });
});

describe("webhook bodies and methods", () => {
  it("limits the body (413), refuses bad JSON (400) and wrong methods (405 with Allow); takes forms and text", async () => {
    const { id, secret } = await hook({ methods: ["POST", "PUT"], maxBodyKb: 1 });
    const auth = { authorization: `Bearer ${secret}` };
    const big = await call(id, { headers: { ...auth, "content-type": "text/plain" }, body: "x".repeat(1025) });
    expect(big.status).toBe(413);
    // A stream with no length: counted as it arrives, stopped at the limit.
    const stream = new ReadableStream({ pull(c) { c.enqueue(new TextEncoder().encode("y".repeat(600))); } });
    const streamed = await call(id, { headers: { ...auth, "content-type": "text/plain" }, body: stream, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    const bad = await call(id, { headers: { ...auth, "content-type": "application/json" }, body: "{amount: 1" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/JSON/);
    const get = await call(id, { method: "GET", headers: auth });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST, PUT");
    const missing = await call(id, { headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ other: 1 }) });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: "invalid_input", errors: { amount: ["amount is required"] } });
    expect(await runsOf(id)).toBe(0);

    const form = await call(id, { method: "PUT", headers: { ...auth, "content-type": "application/x-www-form-urlencoded" }, body: "amount=7&tag=a&tag=b" });
    expect(form.status).toBe(202);
    const formRun = (await form.json()) as { runId: string };
    await waitForStatus(formRun.runId);
    expect(JSON.parse((await WorkflowExecution.findById(formRun.runId).lean())!.input!)).toMatchObject({ amount: 7, body: { amount: "7", tag: ["a", "b"] }, method: "PUT" });
    const text = await call(id, { headers: { ...auth, "content-type": "text/plain" }, body: "hello", query: "?amount=3" });
    expect(text.status).toBe(202);
    const textRun = (await text.json()) as { runId: string };
    await waitForStatus(textRun.runId);
    expect(JSON.parse((await WorkflowExecution.findById(textRun.runId).lean())!.input!)).toMatchObject({ amount: 3, body: "hello", query: { amount: "3" } });
  });

  it("answers 404 for an unknown id", async () => {
    expect((await call("A".repeat(32))).status).toBe(404);
    expect((await call("short")).status).toBe(404);
  });
});

describe("webhook response modes, redelivery and rate limit", () => {
  it("wait mode answers with the End node's output; 202 with the run id after the time limit", async () => {
    const { id, secret } = await hook({ responseMode: "wait", waitSeconds: 10 });
    const res = await call(id, { headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", "x-source": "erp" }, body: JSON.stringify({ amount: 5 }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ doubled: 10, source: "erp" });
    expect(res.headers.get("x-switchyard-run-id")).toMatch(/^[a-f0-9]{24}$/);

    await worker.stop(500); // nobody runs it: the time limit passes
    const slow = await updateTrigger(designer, { triggerId: id, workflowId, kind: "webhook", webhook: { methods: ["POST"], auth: "token", responseMode: "wait", waitSeconds: 1 } });
    expect(slow.ok).toBe(true);
    const started = Date.now();
    const late = await call(id, { headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify({ amount: 1 }) });
    expect(late.status).toBe(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    const { runId } = (await late.json()) as { runId: string };
    worker = testWorker();
    expect((await waitForStatus(runId)).status).toBe("completed");
  });

  it("a redelivery with the same Idempotency-Key returns the first run", async () => {
    const { id, secret } = await hook({});
    const send = () => call(id, { headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", "idempotency-key": "order-42" }, body: JSON.stringify({ amount: 1 }) });
    const answers = await Promise.all([send(), send(), send()]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { runId: string; duplicate?: boolean }[];
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(bodies.map((b) => b.runId)).size).toBe(1);
    expect(bodies.filter((b) => b.duplicate).length).toBe(2);
    await waitForStatus(bodies[0].runId);
    expect(await runsOf(id)).toBe(1);
    // After the run started the first delivery's marker is gone and its record stays: a late
    // redelivery is answered from the record and leaves no marker behind.
    const late = await send();
    expect(late.status).toBe(202);
    expect(await late.json()).toMatchObject({ runId: bodies[0].runId, duplicate: true });
    expect(await TriggerPending.countDocuments({ "delivery.triggerId": id })).toBe(0);
    expect(await WebhookDelivery.countDocuments({ triggerId: id })).toBe(1);
    expect(await runsOf(id)).toBe(1);
  });

  it("answers 429 with Retry-After over the per-trigger rate", async () => {
    resetBuckets();
    const { id, secret } = await hook({ ratePerMinute: 3 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await call(id, { headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify({ amount: i }) });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

describe("webhook refusals that start nothing", () => {
  it("a deactivation in another process reaches the requests within a second, and the start checks the owner afresh", async () => {
    const { id, secret } = await hook({});
    const send = () => call(id, { headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify({ amount: 1 }) });
    expect((await send()).status).toBe(202);
    // Through the driver, not the model: as another process would write it, unseen by this one's cache.
    await User.collection.updateOne({ _id: new mongoose.Types.ObjectId(designer.id) }, { $set: { active: false } });
    try {
      const cached = await send();
      expect(cached.status).toBe(202);
      const { runId, deliveryId } = (await cached.json()) as { runId: string; deliveryId: string };
      const deadline = Date.now() + 10_000;
      while ((await TriggerPending.exists({ _id: deliveryId })) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await TriggerPending.exists({ _id: deliveryId })).toBeNull();
      expect(await WorkflowExecution.exists({ _id: runId })).toBeNull();
      expect(await WebhookDelivery.exists({ _id: deliveryId })).not.toBeNull();
      const panel = await triggersPanel(designer, workflowId);
      expect(panel.triggers.find((t) => t.id === id)?.recent[0]).toMatchObject({ status: "refused", reason: OWNER_REFUSED });
      await new Promise((r) => setTimeout(r, HOOK_STATE_TTL_MS + 100));
      expect((await send()).status).toBe(403);
    } finally {
      await User.updateOne({ _id: designer.id }, { $set: { active: true } });
    }
  });

  it("refuses a disabled trigger and an archived workflow with 409, and a deactivated owner with 403", async () => {
    const { id, secret } = await hook({});
    const send = () => call(id, { headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify({ amount: 1 }) });
    await updateTrigger(designer, { triggerId: id, workflowId, kind: "webhook", enabled: false, webhook: { methods: ["POST"], auth: "token" } });
    const off = await send();
    expect(off.status).toBe(409);
    expect(((await off.json()) as { message: string }).message).toMatch(/Turned off/);
    await updateTrigger(designer, { triggerId: id, workflowId, kind: "webhook", enabled: true, webhook: { methods: ["POST"], auth: "token" } });

    await User.updateOne({ _id: designer.id }, { $set: { active: false } });
    const deactivated = await send();
    expect(deactivated.status).toBe(403);
    await User.updateOne({ _id: designer.id }, { $set: { active: true } });
    const panel = await triggersPanel(designer, workflowId);
    expect(panel.triggers.find((t) => t.id === id)?.recent[0]).toMatchObject({ status: "refused" });

    await setArchived(designer, { id: workflowId, archived: true });
    const archived = await send();
    expect(archived.status).toBe(409);
    expect(((await archived.json()) as { message: string }).message).toMatch(/archived/);
    await setArchived(designer, { id: workflowId, archived: false });
    expect(await runsOf(id)).toBe(0);
    expect(await WebhookDelivery.countDocuments({ triggerId: id })).toBe(0);
    // Only this trigger's markers: an earlier test's accepted delivery may still be starting its run.
    expect((await TriggerPending.find({}, { _id: 1 }).lean()).filter((m) => String(m._id).startsWith(`${id}:`))).toEqual([]);
  });
});
