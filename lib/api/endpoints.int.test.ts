// The REST API's authorization matrix on the real database and runtime: the owner, a designer
// the workflow is not shared with, a viewer, an admin and an approver, on every endpoint, plus
// bad input that says where it is wrong. Each answer matches what the UI allows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as runRoute from "@/app/api/v1/runs/[id]/route";
import * as cancelRoute from "@/app/api/v1/runs/[id]/cancel/route";
import * as tasksRoute from "@/app/api/v1/tasks/route";
import * as completeRoute from "@/app/api/v1/tasks/[id]/complete/route";
import * as workflowsRoute from "@/app/api/v1/workflows/route";
import * as workflowRoute from "@/app/api/v1/workflows/[id]/route";
import * as runsRoute from "@/app/api/v1/workflows/[id]/runs/route";
import { sleep, waitForStatus } from "@/lib/runtime/test-support";
import { HumanTask } from "@/models/HumanTask";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { callApi } from "./test-client";
import { buildWorld, type Person, type World } from "./test-world";

let world: World;
const UNKNOWN = "0123456789abcdef01234567";

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await world.worker.stop(500);
  // The inbox refreshes a decided task's row in the background; let it finish before the database closes.
  await sleep(300);
});

const listWorkflows = (who: Person, query = "") => callApi(workflowsRoute.GET, `/workflows${query}`, { key: who.key });
const getWorkflow = (who: Person, id: string) => callApi(workflowRoute.GET, `/workflows/${id}`, { key: who.key, params: { id } });
const startRun = (who: Person, id: string, body: unknown) => callApi(runsRoute.POST, `/workflows/${id}/runs`, { method: "POST", key: who.key, params: { id }, body });
const listRuns = (who: Person, id: string, query = "") => callApi(runsRoute.GET, `/workflows/${id}/runs${query}`, { key: who.key, params: { id } });
const getRun = (who: Person, id: string) => callApi(runRoute.GET, `/runs/${id}`, { key: who.key, params: { id } });
const cancelRun = (who: Person, id: string) => callApi(cancelRoute.POST, `/runs/${id}/cancel`, { method: "POST", key: who.key, params: { id } });
const listTasks = (who: Person, query = "") => callApi(tasksRoute.GET, `/tasks${query}`, { key: who.key });
const completeTask = (who: Person, id: string, body: unknown) => callApi(completeRoute.POST, `/tasks/${id}/complete`, { method: "POST", key: who.key, params: { id }, body });

async function startedRun(who: Person, workflowId: string, body: unknown): Promise<string> {
  const res = await startRun(who, workflowId, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.runId;
}

describe("workflows", () => {
  it("lists the workflows the key's owner may see, with their access", async () => {
    const ids = async (who: Person) => (await listWorkflows(who)).body.workflows.map((w: { id: string }) => w.id).sort();
    expect(await ids(world.owner)).toEqual([world.simple, world.human].sort());
    expect(await ids(world.admin)).toEqual([world.simple, world.human].sort());
    expect(await ids(world.editor)).toEqual([world.simple, world.human].sort());
    expect(await ids(world.viewer)).toEqual([world.simple, world.human].sort());
    expect(await ids(world.other)).toEqual([]);
    const asViewer = (await listWorkflows(world.viewer)).body.workflows.find((w: { id: string }) => w.id === world.simple);
    expect(asViewer).toMatchObject({ access: "viewer", publishedVersion: 1, status: "active" });
    expect(await ids(world.approver)).toEqual([]);
  });

  it("refuses an unknown list filter with 400 naming the parameter", async () => {
    const res = await listWorkflows(world.owner, "?status=sleeping");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_request", details: [{ in: "query", path: "status" }] });
  });

  it("gets one workflow with the input its runs take; 404 for one not shared, unknown or malformed", async () => {
    const mine = await getWorkflow(world.owner, world.simple);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: world.simple, access: "owner", canRun: true, publishedVersion: 1 });
    expect(mine.body.inputFields.published).toEqual([{ name: "amount", label: "Amount", type: "number", required: true }]);
    const viewed = await getWorkflow(world.viewer, world.simple);
    expect(viewed.body).toMatchObject({ access: "viewer", canRun: false, inputFields: { draft: null } });
    expect((await getWorkflow(world.admin, world.simple)).body.access).toBe("owner");
    for (const [who, id] of [[world.other, world.simple], [world.owner, UNKNOWN], [world.owner, "nope"]] as const) {
      const res = await getWorkflow(who, id);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
  });
});

describe("runs", () => {
  it("starts a published run as the key's owner, recorded as started through the API by that key", async () => {
    const runId = await startedRun(world.owner, world.simple, { input: { amount: 21 } });
    const state = await waitForStatus(runId);
    expect(state.status).toBe("completed");
    const doc = await WorkflowExecution.findById(runId).lean();
    expect(doc?.trigger).toMatchObject({ type: "api", source: world.owner.keyId });
    expect(String(doc?.trigger?.by)).toBe(world.owner.id);
    expect(doc?.version).toBe(1);

    const run = await getRun(world.owner, runId);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ id: runId, status: "completed", version: 1, input: { amount: 21 }, output: { doubled: 42 }, trigger: { type: "api", byName: "owner" } });
    expect(run.body.steps.map((s: { nodeId: string; status: string }) => [s.nodeId, s.status])).toEqual([["start", "succeeded"], ["end", "succeeded"]]);
    expect(run.body.steps[0]).toHaveProperty("durationMs");
    expect((await getRun(world.viewer, runId)).status).toBe(200);
    expect((await getRun(world.admin, runId)).status).toBe(200);
    expect((await getRun(world.other, runId)).status).toBe(404);
    expect((await getRun(world.owner, UNKNOWN)).body.error.code).toBe("not_found");
  });

  it("lets owners, editors and admins start runs; a viewer gets 403, a stranger 404", async () => {
    expect((await startRun(world.admin, world.simple, { input: { amount: 1 } })).status).toBe(201);
    expect((await startRun(world.editor, world.simple, { input: { amount: 1 } })).status).toBe(201);
    expect((await getWorkflow(world.editor, world.simple)).body).toMatchObject({ access: "editor", canRun: true });
    const viewer = await startRun(world.viewer, world.simple, { input: { amount: 1 } });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe("forbidden");
    const stranger = await startRun(world.other, world.simple, { input: { amount: 1 } });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe("not_found");
    // An approver has no workflows at all.
    expect((await startRun(world.approver, world.simple, { input: { amount: 1 } })).status).toBe(404);
  });

  it("starts a test run of the draft with mode test; a published run of a never-published workflow is a conflict", async () => {
    const conflict = await startRun(world.owner, world.human, {});
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe("conflict");
    const res = await startRun(world.owner, world.human, { mode: "test" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "pending", mode: "test", links: { run: `/api/v1/runs/${res.body.runId}` } });
    expect((await WorkflowExecution.findById(res.body.runId).lean())?.version).toBeNull();
    await cancelRun(world.owner, res.body.runId);
  });

  it("refuses bad input with 422 and where it is wrong, and starts nothing", async () => {
    const before = await WorkflowExecution.countDocuments({ workflowId: world.simple });
    const wrongType = await startRun(world.owner, world.simple, { input: { amount: "lots" } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error).toMatchObject({ code: "validation_failed", details: [{ in: "body", path: "input.amount", message: "Amount must be a number" }] });
    const missing = await startRun(world.owner, world.simple, { input: {} });
    expect(missing.body.error.details).toEqual([{ in: "body", path: "input.amount", message: "Amount is required" }]);
    const badMode = await startRun(world.owner, world.simple, { mode: "later", input: { amount: 1 } });
    expect(badMode.status).toBe(422);
    expect(badMode.body.error.details[0]).toMatchObject({ in: "body", path: "mode" });
    const notObject = await startRun(world.owner, world.simple, { input: [1, 2] });
    expect(notObject.body.error.details[0]).toMatchObject({ in: "body", path: "input" });
    expect(await WorkflowExecution.countDocuments({ workflowId: world.simple })).toBe(before);
  });

  it("lists a workflow's runs a page at a time, newest first", async () => {
    const first = await startedRun(world.owner, world.simple, { input: { amount: 1 } });
    const second = await startedRun(world.owner, world.simple, { input: { amount: 2 } });
    await Promise.all([waitForStatus(first), waitForStatus(second)]);
    const total = await WorkflowExecution.countDocuments({ workflowId: world.simple });
    const page1 = await listRuns(world.owner, world.simple, "?limit=1");
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ offset: 0, limit: 1, hasMore: true });
    expect(page1.body.runs.map((r: { id: string }) => r.id)).toEqual([second]);
    const page2 = await listRuns(world.owner, world.simple, "?limit=1&offset=1");
    expect(page2.body.runs.map((r: { id: string }) => r.id)).toEqual([first]);
    const all = await listRuns(world.viewer, world.simple, "?limit=100");
    expect(all.body.runs).toHaveLength(total);
    expect(all.body.hasMore).toBe(false);
    const completed = await listRuns(world.admin, world.simple, "?status=completed&limit=100");
    expect(completed.body.runs.every((r: { status: string }) => r.status === "completed")).toBe(true);
    expect((await listRuns(world.other, world.simple)).status).toBe(404);
    const bad = await listRuns(world.owner, world.simple, "?limit=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ in: "query", path: "limit", message: "limit must be at least 1" }]);
  });

  it("cancels a run for whoever may run the workflow; a viewer gets 403, a stranger 404, an ended run 409", async () => {
    const runId = await startedRun(world.owner, world.human, { mode: "test" });
    await waitForStatus(runId, ["paused"]);
    const viewer = await cancelRun(world.viewer, runId);
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe("forbidden");
    expect((await cancelRun(world.other, runId)).status).toBe(404);
    expect((await cancelRun(world.gone, runId)).status).toBe(401);
    const done = await cancelRun(world.editor, runId);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ runId, status: "cancelled" });
    const again = await cancelRun(world.admin, runId);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    expect((await cancelRun(world.owner, UNKNOWN)).status).toBe(404);
  });
});

describe("tasks", () => {
  it("lists the open tasks offered to the key's owner and decides them with the inbox's rules", async () => {
    const runId = await startedRun(world.owner, world.human, { mode: "test" });
    await waitForStatus(runId, ["paused"]);
    const task = await HumanTask.findOne({ executionId: runId }).lean();
    const taskId = String(task!._id);

    const available = await listTasks(world.approver, "?tab=available");
    expect(available.status).toBe(200);
    expect(available.body.tasks.map((t: { id: string }) => t.id)).toContain(taskId);
    expect(available.body.tasks.find((t: { id: string }) => t.id === taskId)).toMatchObject({ title: "Review the request", runId, workflowId: world.human, status: "pending" });
    expect((await listTasks(world.approver)).body.tasks).toEqual([]);
    expect((await listTasks(world.owner, "?tab=available")).body.tasks.map((t: { id: string }) => t.id)).not.toContain(taskId);
    expect((await listTasks(world.owner, "?tab=everything")).status).toBe(400);

    // The designer the task is not offered to cannot see it.
    expect((await completeTask(world.other, taskId, { decision: "approve" })).status).toBe(404);
    const noReason = await completeTask(world.approver, taskId, { decision: "reject" });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.details).toEqual([{ in: "body", path: "comment", message: "A reason is required to reject (at least 3 characters)" }]);
    const badDecision = await completeTask(world.approver, taskId, { decision: "maybe" });
    expect(badDecision.body.error).toMatchObject({ code: "validation_failed", details: [{ in: "body", path: "decision" }] });
    expect((await completeTask(world.approver, UNKNOWN, { decision: "approve" })).status).toBe(404);

    const done = await completeTask(world.approver, taskId, { decision: "approve", comment: "Looks right" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ taskId, decision: "approve" });
    expect((await waitForStatus(runId)).status).toBe("completed");
    const twice = await completeTask(world.admin, taskId, { decision: "reject", comment: "Too late" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("conflict");
  });
});
