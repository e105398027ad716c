// A run acts with the rights of whoever started it, through every path (DESIGN.md, "Security
// stance"): a sub-workflow step starts its child only when the parent run's starter may *run*
// the child workflow (workflow:run: owners, editors, admins), read fresh so a deactivated
// starter is refused; and starting, re-running, retrying and cancelling runs need the same right.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import type { ExecutorMap } from "@/lib/engine/executor";
import { subprocessExecutor } from "@/lib/nodes/subprocess/executor";
import { importWorkflow, publishWorkflow } from "@/lib/workflows/service";
import { person } from "@/lib/workflows/test-fixtures";
import { User } from "@/models/User";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { WorkflowVersion } from "@/models/WorkflowVersion";
import { retryFor } from "./retry";
import type { RuntimeServices } from "./services";
import { cancelFor, rerunFor, startRunFor } from "./start";
import { e, endNode, n, setNode, startNode, storeWorkflow, testWorker, waitForStatus } from "./test-support";
import type { Worker } from "./worker";

const executors = { subprocess: subprocessExecutor } as unknown as ExecutorMap<RuntimeServices>;
const line = (...ids: string[]) => ids.slice(1).map((id, i) => e(ids[i], id));
const REFUSED = /the sub-workflow could not be started: the sub-workflow [a-f0-9]{24} does not exist, or the person who started this run may not run it/;

let owner: Actor;
let editor: Actor;
let viewer: Actor;
let worker: Worker | null = null;

/** A published workflow that sets y = 42 and ends with it; shared as told. */
async function target(share: { editors?: string[]; viewers?: string[] }): Promise<string> {
  const id = await storeWorkflow(owner, { nodes: [startNode(), setNode("answer", "y", "42"), endNode("end", [{ key: "y", expression: "$vars.y" }])], edges: line("start", "answer", "end") }, {}, share);
  expect((await publishWorkflow(owner, { id })).ok).toBe(true);
  return id;
}

/** A workflow whose only step calls `childId` and waits for it. */
function caller(childId: string) {
  return { nodes: [startNode(), n("sub", "subprocess", { workflowId: childId, inputMapping: [], waitForResult: true }), endNode()], edges: line("start", "sub", "end") };
}

async function runsOf(workflowId: string) {
  return WorkflowExecution.find({ workflowId }).lean();
}

async function startTest(actor: Actor, workflowId: string): Promise<string> {
  const res = await startRunFor(actor, { workflowId, mode: "test", input: {} });
  if (!res.ok) throw new Error(res.message);
  return res.runId;
}

describe("a run acts with its starter's rights (real database)", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowVersion.init(), WorkflowExecution.init(), User.init()]);
    owner = await person("owner@starter.test", ["designer"]);
    editor = await person("editor@starter.test", ["designer"]);
    viewer = await person("viewer@starter.test", ["designer"]);
  });
  afterEach(async () => {
    await worker?.stop(500);
    worker = null;
  });

  it("a viewer of W who imports a workflow calling W and runs it: the child is refused and W never runs", async () => {
    const w = await target({ viewers: [viewer.id] });
    const imported = await importWorkflow(viewer, { text: JSON.stringify({ name: "Borrow W", ...caller(w) }), fileName: "borrow.json" });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    worker = testWorker({ executors });
    const runId = await startTest(viewer, imported.id);
    const state = await waitForStatus(runId);
    expect(state.status).toBe("failed");
    expect(state.error?.message).toMatch(REFUSED);
    expect(await runsOf(w)).toHaveLength(0);
  });

  it("an editor of W runs it as a sub-workflow", async () => {
    const w = await target({ editors: [editor.id] });
    const parent = await storeWorkflow(editor, caller(w));
    worker = testWorker({ executors });
    const runId = await startTest(editor, parent);
    const state = await waitForStatus(runId);
    expect(state.status).toBe("completed");
    const children = await runsOf(w);
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ status: "completed", parentExecutionId: runId, trigger: { type: "subprocess" } });
    expect(String(children[0].trigger?.by)).toBe(editor.id);
  });

  it("a starter deactivated after starting the run is refused when the sub-workflow step comes", async () => {
    const temp = await person("temp@starter.test", ["designer"]);
    const w = await target({ editors: [temp.id] });
    const parent = await storeWorkflow(temp, caller(w));
    const runId = await startTest(temp, parent); // queued; no worker yet
    await User.updateOne({ _id: temp.id }, { $set: { active: false } });
    worker = testWorker({ executors });
    const state = await waitForStatus(runId);
    expect(state.status).toBe("failed");
    expect(state.error?.message).toMatch(REFUSED);
    expect(await runsOf(w)).toHaveLength(0);
  });

  it("a grandchild is refused when the top run's starter may run the child but not the grandchild", async () => {
    const grandchild = await target({ viewers: [editor.id] });
    const child = await storeWorkflow(owner, caller(grandchild), {}, { editors: [editor.id] });
    expect((await publishWorkflow(owner, { id: child })).ok).toBe(true);
    const top = await storeWorkflow(editor, caller(child));
    worker = testWorker({ executors });
    const runId = await startTest(editor, top);
    const state = await waitForStatus(runId);
    expect(state.status).toBe("failed");
    const [childRun] = await runsOf(child);
    expect(childRun).toMatchObject({ status: "failed", depth: 1, parentExecutionId: runId });
    // The child run acts as the top run's starter, not as the child workflow's owner.
    expect(String(childRun.trigger?.by)).toBe(editor.id);
    expect(childRun.error?.message).toMatch(REFUSED);
    expect(await runsOf(grandchild)).toHaveLength(0);
  });

  it("a grandchild runs when the top run's starter may run every level", async () => {
    const grandchild = await target({ editors: [editor.id] });
    const child = await storeWorkflow(owner, caller(grandchild), {}, { editors: [editor.id] });
    expect((await publishWorkflow(owner, { id: child })).ok).toBe(true);
    const top = await storeWorkflow(editor, caller(child));
    worker = testWorker({ executors });
    const runId = await startTest(editor, top);
    expect((await waitForStatus(runId)).status).toBe("completed");
    const [grandRun] = await runsOf(grandchild);
    expect(grandRun).toMatchObject({ status: "completed", depth: 2 });
    expect(String(grandRun.trigger?.by)).toBe(editor.id);
  });

  it("a viewer may not start, re-run, retry or cancel runs of the workflow", async () => {
    const failing = await storeWorkflow(owner, { nodes: [startNode(), setNode("boom", "y", "$error('no')"), endNode()], edges: line("start", "boom", "end") }, {}, { viewers: [viewer.id] });
    worker = testWorker({ executors });
    const failed = await startTest(owner, failing);
    expect((await waitForStatus(failed)).status).toBe("failed");
    await worker.stop(500);
    worker = null;
    const waiting = await startTest(owner, failing); // stays queued: no worker runs now

    const notRun = "You can view this workflow but not run it. Ask one of its owners to make you an editor.";
    await expect(startRunFor(viewer, { workflowId: failing, mode: "test", input: {} })).rejects.toThrow(notRun);
    await expect(rerunFor(viewer, failed)).rejects.toThrow(notRun);
    await expect(retryFor(viewer, failed, {}, 0)).rejects.toThrow(notRun);
    await expect(cancelFor(viewer, waiting, {}, 0)).rejects.toBeInstanceOf(PermissionError);
    expect(await runsOf(failing)).toHaveLength(2);
    expect((await WorkflowExecution.findById(waiting).lean())?.status).not.toBe("cancelled");

    // The same actions by an editor go through.
    await Workflow.updateOne({ _id: failing }, { $push: { "permissions.editors": editor.id } });
    expect((await rerunFor(editor, failed)).ok).toBe(true);
    expect((await cancelFor(editor, waiting, {}, 0)).ok).toBe(true);
  });
});
