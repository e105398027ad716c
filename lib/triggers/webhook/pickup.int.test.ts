// A process that runs no worker (a web server with SWITCHYARD_WORKER=off) answers deliveries and
// leaves their runs to the worker processes: the markers say so, two pickups racing take each
// delivery once (the Triggers panel counts them until then), a dead pickup's claims are released, the recovery pass keeps to deliveries that
// were not handed off, and a scheduler's pickup loop starts new ones within moments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e, endNode, n, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import { person } from "@/lib/workflows/test-fixtures";
import { publishWorkflow } from "@/lib/workflows/service";
import { groupInsert } from "@/lib/db/group-commit";
import { Claim } from "@/models/Claim";
import { TriggerPending } from "@/models/TriggerPending";
import { WebhookDelivery } from "@/models/WebhookDelivery";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { createTrigger, triggersPanel } from "../service";
import { Scheduler } from "../scheduler";
import { handleWebhook } from "./handle";
import { pickUpDeliveries, pickupClaimId } from "./pickup";
import { CARRY_LIMIT, pendingMarker, startDeliveries } from "./deliveries";
import { DEAD_PICKUP_MS, recoverPending } from "../recovery";
import { runIdFor } from "../ids";

let triggerId: string;
let token: string;
let workflowId: string;
let designer: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  designer = await person("pickup-designer@example.com", ["designer"]);
  workflowId = await storeWorkflow(designer, {
    nodes: [startNode([{ name: "amount", type: "number", required: true }]), n("set", "set", { assignments: [{ variable: "x", expression: "amount + 1" }] }), endNode("end", [{ key: "x", expression: "$vars.x" }])],
    edges: [e("start", "set"), e("set", "end")],
  });
  const published = await publishWorkflow(designer, { id: workflowId });
  if (!published.ok) throw new Error(published.message);
  const created = await createTrigger(designer, { workflowId, kind: "webhook", webhook: { methods: ["POST"], auth: "token", ratePerMinute: 100_000 } });
  if (!created.ok) throw new Error(created.message);
  triggerId = created.trigger.id;
  token = created.secret!.value;
});

async function send(amount: number): Promise<string> {
  const res = await handleWebhook(
    new Request(`http://127.0.0.1/api/hooks/${triggerId}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ amount }) }),
    triggerId,
  );
  expect(res.status).toBe(202);
  return ((await res.json()) as { runId: string }).runId;
}

const runsOf = () => WorkflowExecution.countDocuments({ "trigger.source": triggerId });

describe("deliveries accepted where no worker runs", () => {
  afterAll(async () => {
    await Claim.deleteMany({ _id: /^pickup:/ });
  });

  it("are handed to the workers: two pickups racing start each one once", async () => {
    const runIds = await Promise.all(Array.from({ length: 30 }, (_, i) => send(i)));
    await new Promise((r) => setTimeout(r, 200));
    expect(await TriggerPending.countDocuments({ handedOff: true, "delivery.triggerId": triggerId })).toBe(30);
    expect(await runsOf()).toBe(0); // this process runs no worker: it created no run
    const waiting = async () => (await triggersPanel(designer, workflowId)).triggers.find((t) => t.id === triggerId)!.waiting;
    expect(await waiting()).toBe(30); // the panel says so

    const taken = await Promise.all([pickUpDeliveries(), pickUpDeliveries(), pickUpDeliveries()]);
    expect(taken.reduce((a, b) => a + b, 0)).toBe(30);
    expect(await runsOf()).toBe(30);
    expect(new Set((await WorkflowExecution.find({ "trigger.source": triggerId }, { _id: 1 }).lean()).map((r) => r._id))).toEqual(new Set(runIds));
    expect(await WebhookDelivery.countDocuments({ triggerId })).toBe(30);
    expect(await TriggerPending.countDocuments({ "delivery.triggerId": triggerId })).toBe(0);
    expect(await Claim.countDocuments({ _id: /^pickup:/ })).toBe(0);
    expect(await waiting()).toBe(0);

    const worker = testWorker();
    try {
      for (const runId of runIds.slice(0, 3)) expect((await waitForStatus(runId)).status).toBe("completed");
    } finally {
      await worker.stop(1_000);
    }
  });

  it("a large input is stored in webhook_deliveries before the 202 and the marker stays small", async () => {
    const note = "x".repeat(CARRY_LIMIT + 1_000);
    const send = () =>
      handleWebhook(
        new Request(`http://127.0.0.1/api/hooks/${triggerId}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": "big-1" }, body: JSON.stringify({ amount: 9, note }) }),
        triggerId,
      );
    const res = await send();
    expect(res.status).toBe(202);
    const { runId, deliveryId } = (await res.json()) as { runId: string; deliveryId: string };
    const marker = await TriggerPending.findById(deliveryId).lean();
    expect(marker).toMatchObject({ handedOff: true, triggerId });
    expect(marker!.delivery).toBeUndefined();
    expect(JSON.parse((await WebhookDelivery.findById(deliveryId).lean())!.input)).toMatchObject({ amount: 9, body: { note } });
    expect((await triggersPanel(designer, workflowId)).triggers.find((t) => t.id === triggerId)!.waiting).toBe(1);
    // While it waits, the same key is a duplicate of it; once started, too — one run.
    expect(await (await send()).json()).toMatchObject({ runId, duplicate: true });
    expect(await pickUpDeliveries()).toBe(1);
    expect(await WorkflowExecution.exists({ _id: runId })).not.toBeNull();
    expect(await (await send()).json()).toMatchObject({ runId, duplicate: true });
    expect(await TriggerPending.exists({ _id: deliveryId })).toBeNull();
  });

  it("a worker that died mid-batch: its claims are released and the next pickup starts its deliveries", async () => {
    const res = await handleWebhook(
      new Request(`http://127.0.0.1/api/hooks/${triggerId}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ amount: 5 }) }),
      triggerId,
    );
    const { runId, deliveryId } = (await res.json()) as { runId: string; deliveryId: string };
    await Claim.create({ _id: pickupClaimId(deliveryId), at: new Date(Date.now() - DEAD_PICKUP_MS - 1_000) });
    expect(await pickUpDeliveries()).toBe(0); // held by the dead process
    expect(await recoverPending(0)).toBe(0); // recovery releases the claim but leaves the start to a pickup
    expect(await Claim.exists({ _id: pickupClaimId(deliveryId) })).toBeNull();
    expect(await pickUpDeliveries()).toBe(1);
    expect(await WorkflowExecution.exists({ _id: runId })).not.toBeNull();
  });

  it("a delivery a process with a worker accepted but did not start is the recovery pass's; a broken one fails alone", async () => {
    const id = `${triggerId}:recover:1`;
    const accepted = { id, receivedAt: new Date(Date.now() - 10_000), delivery: { triggerId, workflowId, runId: runIdFor(id), method: "POST", input: JSON.stringify({ amount: 3 }), idempotencyKey: null, ipAddress: null, userAgent: null } };
    await groupInsert(TriggerPending.collection, pendingMarker(accepted, false));
    expect(await pickUpDeliveries()).toBe(0); // not handed off: not a pickup's
    expect(await recoverPending()).toBe(1);
    expect(await WorkflowExecution.exists({ _id: runIdFor(id) })).not.toBeNull();
    expect(await WebhookDelivery.exists({ _id: id })).not.toBeNull();
    expect(await TriggerPending.exists({ _id: id })).toBeNull();

    // A marker whose delivery cannot be recorded (no workflow id) or read (its input is not JSON) fails alone, not its batch.
    const broken = { ...accepted, id: `${triggerId}:recover:2`, delivery: { ...accepted.delivery, workflowId: "", runId: runIdFor(`${triggerId}:recover:2`) } };
    const good = { ...accepted, id: `${triggerId}:recover:3`, delivery: { ...accepted.delivery, runId: runIdFor(`${triggerId}:recover:3`) } };
    const unreadable = { ...accepted, id: `${triggerId}:recover:4`, delivery: { ...accepted.delivery, input: "{not json", runId: runIdFor(`${triggerId}:recover:4`) } };
    const results = await startDeliveries([broken, good, unreadable]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected"]);
    expect(await WorkflowExecution.exists({ _id: good.delivery.runId })).not.toBeNull();
  });

  it("a worker process's scheduler picks them up within moments", async () => {
    const scheduler = await new Scheduler({ recoveryMs: 0 }).start();
    try {
      const runId = await send(7);
      const deadline = Date.now() + 5_000;
      while (!(await WorkflowExecution.exists({ _id: runId })) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await WorkflowExecution.exists({ _id: runId })).not.toBeNull();
    } finally {
      await scheduler.stop();
    }
  });
});
