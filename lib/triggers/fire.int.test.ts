// Starting the runs of a burst of firings together (what the webhook starter does with the
// deliveries that arrived while the batch before was starting), on the real database.
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { e, endNode, n, startNode, storeWorkflow } from "@/lib/runtime/test-support";
import { person } from "@/lib/workflows/test-fixtures";
import { publishWorkflow } from "@/lib/workflows/service";
import { TriggerPending } from "@/models/TriggerPending";
import { Variable } from "@/models/Variable";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { startFirings, type Firing } from "./fire";
import { deliveryId, runIdFor } from "./ids";
import { createTrigger, triggersPanel } from "./service";

afterEach(() => vi.restoreAllMocks());

describe("startFirings", () => {
  it("reads the workflow and variables once for a batch, starts every run, refuses bad input alone, and clears every marker", async () => {
    const designer = await person("batch-starter@example.com", ["designer"]);
    const workflowId = await storeWorkflow(designer, {
      nodes: [startNode([{ name: "amount", type: "number", required: true }]), n("set", "set", { assignments: [{ variable: "x", expression: "amount + 1" }] }), endNode("end", [{ key: "x", expression: "$vars.x" }])],
      edges: [e("start", "set"), e("set", "end")],
    });
    expect((await publishWorkflow(designer, { id: workflowId })).ok).toBe(true);
    const hook = await createTrigger(designer, { workflowId, kind: "webhook", webhook: { methods: ["POST"], auth: "token" } });
    if (!hook.ok) throw new Error(hook.message);
    const triggerId = hook.trigger.id;
    const actor = (await loadActor(designer.id))!;

    const firings: Firing[] = Array.from({ length: 21 }, (_, i) => {
      const id = deliveryId(triggerId, null, Date.now() + i);
      return { id, kind: "webhook", triggerId, runId: runIdFor(id), at: new Date(), input: i === 20 ? { amount: "not a number" } : { amount: i } };
    });
    await TriggerPending.insertMany(firings.map((f) => ({ _id: f.id, kind: "webhook", at: f.at })));
    const workflowReads = vi.spyOn(Workflow, "findById");
    const variableReads = vi.spyOn(Variable, "find");

    const results = await startFirings(firings.map((firing) => ({ firing, checked: { ok: true, actor, workflowId } })));

    expect(workflowReads).toHaveBeenCalledTimes(1);
    expect(variableReads).toHaveBeenCalledTimes(1);
    const values = results.map((r) => (r.status === "fulfilled" ? r.value : null));
    expect(values.slice(0, 20).every((v) => v?.ok)).toBe(true);
    expect(values[20]).toMatchObject({ ok: false, code: "input" });
    const runIds = firings.slice(0, 20).map((f) => f.runId);
    expect(await WorkflowExecution.countDocuments({ _id: { $in: runIds }, "trigger.type": "webhook", "trigger.source": triggerId })).toBe(20);
    expect(await WorkflowExecution.countDocuments({ _id: firings[20].runId })).toBe(0);
    expect(await TriggerPending.countDocuments({ _id: { $in: firings.map((f) => f.id) } })).toBe(0);
    const recent = (await triggersPanel(designer, workflowId)).triggers.find((t) => t.id === triggerId)!.recent;
    expect(recent.filter((line) => line.status === "refused")).toHaveLength(1);
    expect(recent.length).toBeGreaterThan(1);
  });

  it("refuses the whole batch, starting nothing, when the owner may no longer run the workflow", async () => {
    const owner = await person("batch-owner@example.com", ["designer"]);
    const stranger = await person("batch-stranger@example.com", ["designer"]);
    const workflowId = await storeWorkflow(owner, { nodes: [startNode([]), endNode("end", [])], edges: [e("start", "end")] });
    expect((await publishWorkflow(owner, { id: workflowId })).ok).toBe(true);
    const hook = await createTrigger(owner, { workflowId, kind: "webhook", webhook: { methods: ["POST"], auth: "token" } });
    if (!hook.ok) throw new Error(hook.message);
    // A firing checked as someone who has no access to the workflow (as after an owner lost it).
    const actor = (await loadActor(stranger.id))!;
    const firings: Firing[] = Array.from({ length: 3 }, (_, i) => {
      const id = deliveryId(hook.trigger.id, null, Date.now() + i);
      return { id, kind: "webhook", triggerId: hook.trigger.id, runId: runIdFor(id), at: new Date(), input: {} };
    });
    const results = await startFirings(firings.map((firing) => ({ firing, checked: { ok: true, actor, workflowId } })));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : r.reason))).toEqual(firings.map(() => expect.objectContaining({ ok: false, code: "owner" })));
    expect(await WorkflowExecution.countDocuments({ _id: { $in: firings.map((f) => f.runId) } })).toBe(0);
  });
});
