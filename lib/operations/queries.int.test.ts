// The operations page's query on the real database: runs whose lease ran out or that nobody
// claimed are stuck, failed runs with the poison code are poisoned, live and healthy runs are
// in neither list, and only admins may look.
import { beforeAll, describe, expect, it } from "vitest";
import { PermissionError } from "@/lib/auth/errors";
import { startRunFor } from "@/lib/runtime/start";
import { endNode, setNode, startNode, e, storeWorkflow } from "@/lib/runtime/test-support";
import { actor } from "@/lib/workflows/test-fixtures";
import { RunQueue } from "@/models/RunQueue";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { operationsView, STUCK_AFTER_MS } from "./queries";

const admin = actor(["admin"]);
const designer = actor(["designer"]);
const graph = { nodes: [startNode(), setNode("a", "a", "1"), endNode()], edges: [e("start", "a"), e("a", "end")] };

async function newRun(workflowId: string): Promise<string> {
  const started = await startRunFor(designer, { workflowId, mode: "test", input: {} });
  if (!started.ok) throw new Error(started.message);
  return started.runId;
}

describe("operationsView", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowExecution.init(), RunQueue.init()]);
  });

  it("lists stuck and poisoned runs, not healthy ones, for admins only", async () => {
    const workflowId = await storeWorkflow(designer, graph);
    const [leaseRanOut, unclaimed, healthy, poisoned] = [await newRun(workflowId), await newRun(workflowId), await newRun(workflowId), await newRun(workflowId)];
    const long = new Date(Date.now() - STUCK_AFTER_MS - 60_000);
    await RunQueue.updateOne({ _id: leaseRanOut }, { $set: { "lease.owner": "dead-worker", "lease.until": long, runnableAt: long } });
    await RunQueue.updateOne({ _id: unclaimed }, { $set: { "lease.owner": null, runnableAt: long } });
    await RunQueue.updateOne({ _id: healthy }, { $set: { "lease.owner": "live-worker", "lease.until": new Date(Date.now() + 10_000) } });
    await RunQueue.deleteOne({ _id: poisoned });
    await WorkflowExecution.updateOne(
      { _id: poisoned },
      { $set: { status: "failed", error: { message: "Busy script failed: the step stopped its worker 3 times in a row", code: "poison_step", nodeId: "a" } } },
    );

    const view = await operationsView(admin);
    const stuck = new Map(view.stuck.map((r) => [r.runId, r]));
    expect(stuck.get(leaseRanOut)?.why).toMatch(/dead-worker.*stopped renewing its lease/);
    expect(stuck.get(unclaimed)?.why).toMatch(/no worker has claimed it/);
    expect(stuck.has(healthy)).toBe(false);
    expect(stuck.get(leaseRanOut)?.workflowId).toBe(workflowId);
    const poisonedRow = view.poisoned.find((r) => r.runId === poisoned);
    expect(poisonedRow).toMatchObject({ status: "failed", why: expect.stringMatching(/stopped its worker 3 times/) });
    expect(view.poisoned.some((r) => r.runId === healthy)).toBe(false);

    await expect(operationsView(designer)).rejects.toBeInstanceOf(PermissionError);
  });
});
