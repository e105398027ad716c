// Cheap waits (parking.ts): a run asleep on a far timer is kept out of run_queue, comes back in
// time to wake on the dot, can still be cancelled while parked, and is not mistaken by the sweep
// for a run a crash left without a queue entry.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { actor, person } from "@/lib/workflows/test-fixtures";
import { RunQueue } from "@/models/RunQueue";
import { RunTimer } from "@/models/RunTimer";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { shouldPark, unparkDue } from "./parking";
import { cancelFor, startRunFor } from "./start";
import { sweep } from "./sweep";
import { e, endNode, eventsOf, n, setNode, sleep, startNode, storeWorkflow, testWorker, waitForStatus } from "./test-support";
import type { Worker } from "./worker";

let designer: Actor = actor(["designer"]);
let worker: Worker | null = null;

const sleeper = (wait: string) => ({
  nodes: [startNode(), n("wait", "timer", { mode: "until", until: wait }), setNode("after", "woke", "true"), endNode()],
  edges: [e("start", "wait"), e("wait", "after"), e("after", "end")],
});

async function start(workflowId: string) {
  const res = await startRunFor(designer, { workflowId, mode: "test", input: {} });
  if (!res.ok) throw new Error(res.message);
  return res.runId;
}

async function parked(runId: string) {
  for (let i = 0; i < 200; i++) {
    if (await RunTimer.findById(runId).lean()) return;
    await sleep(25);
  }
  throw new Error(`run ${runId} was never parked`);
}

describe("runs asleep on far timers (real database)", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowExecution.init()]);
    designer = await person("designer@parking.test", ["designer"]);
  });
  afterEach(async () => {
    await worker?.stop(500);
    worker = null;
  });

  it("decides by how far off the timer is", () => {
    expect(shouldPark(10_000 + 30_001, 30_000, 10_000)).toBe(true);
    expect(shouldPark(10_000 + 30_000, 30_000, 10_000)).toBe(false);
  });

  it("leaves run_queue while it sleeps and wakes on time", async () => {
    worker = testWorker({ parkAheadMs: 1_000 });
    const runId = await start(await storeWorkflow(designer, sleeper("$millis() + 2500")));
    await parked(runId);
    const paused = await waitForStatus(runId, ["paused"]);
    expect(await RunQueue.findById(runId).lean()).toBeNull();
    expect((await RunTimer.findById(runId).lean())?.wakeAt.getTime()).toBe(paused.wakeAt);

    const done = await waitForStatus(runId, ["completed"], 15_000);
    // Woken at its time, not a parking interval late.
    expect(done.endedAt! - paused.wakeAt!).toBeLessThan(1_000);
    expect(done.endedAt! - done.startedAt!).toBeGreaterThanOrEqual(2_490);
    expect(await RunTimer.findById(runId).lean()).toBeNull();
    expect((await eventsOf(runId)).filter((ev) => ev.type === "node_complete")).toHaveLength(4);
  });

  it("can be cancelled while parked, and its timer goes with it", async () => {
    worker = testWorker({ parkAheadMs: 1_000 });
    const runId = await start(await storeWorkflow(designer, sleeper("$millis() + 3600000")));
    await parked(runId);
    expect(await cancelFor(designer, runId)).toMatchObject({ ok: true, status: "cancelled" });
    await waitForStatus(runId, ["cancelled"]);
    expect(await RunTimer.findById(runId).lean()).toBeNull();
    expect(await RunQueue.findById(runId).lean()).toBeNull();
  });

  it("is not re-queued by the sweep, and comes back once due", async () => {
    worker = testWorker({ parkAheadMs: 1_000 });
    const runId = await start(await storeWorkflow(designer, sleeper("$millis() + 3600000")));
    await parked(runId);
    await worker.stop(500);
    worker = null;
    const report = await sweep({ leaseMs: 2_000 });
    expect(report.requeued).not.toContain(runId);
    expect(await RunQueue.findById(runId).lean()).toBeNull();

    // An hour later (as far as the pass is told): the timer moves to the queue with its wake time.
    const timer = await RunTimer.findById(runId).lean();
    expect(await unparkDue(1_000, new Date(timer!.wakeAt.getTime() - 500))).toBeGreaterThanOrEqual(1);
    expect((await RunQueue.findById(runId).lean())?.runnableAt.getTime()).toBe(timer!.wakeAt.getTime());
    expect(await RunTimer.findById(runId).lean()).toBeNull();
  });
});
