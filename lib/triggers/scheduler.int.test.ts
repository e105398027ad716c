// The scheduler in this process against the real database, with the run clock moved
// (lib/runtime/clock.ts): daylight-saving transitions in Europe/Berlin, and the missed-fire
// policy after a restart (skip, or run once for the latest missed time, once however often the
// scheduler restarts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetRunClock, setRunClockTo } from "@/lib/runtime/clock";
import { e, endNode, sleep, startNode, storeWorkflow } from "@/lib/runtime/test-support";
import { person } from "@/lib/workflows/test-fixtures";
import { publishWorkflow } from "@/lib/workflows/service";
import { TriggerFire } from "@/models/TriggerFire";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { Trigger } from "@/models/Trigger";
import { Scheduler } from "./scheduler";
import { createTrigger } from "./service";

let designer: Awaited<ReturnType<typeof person>>;
let workflowId: string;
const schedulers: Scheduler[] = [];

async function schedule(cron: string, missed: "skip" | "runOnce" = "skip") {
  const created = await createTrigger(designer, { workflowId, kind: "schedule", schedule: { cron, timezone: "Europe/Berlin", missed } });
  if (!created.ok) throw new Error(created.message);
  return created.trigger.id;
}

async function startScheduler() {
  const s = await new Scheduler({ tickMs: 50, reloadMs: 200, recoveryMs: 0, log: () => {} }).start();
  schedulers.push(s);
  return s;
}

const firesOf = async (triggerId: string) => (await TriggerFire.find({ triggerId }).lean()).map((f) => f.fireTime.toISOString()).sort();

async function waitForFires(triggerId: string, count: number, timeoutMs = 8_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await TriggerFire.countDocuments({ triggerId })) < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} fires of ${triggerId}, have ${await firesOf(triggerId)}`);
    await sleep(50);
  }
  return firesOf(triggerId);
}

beforeAll(async () => {
  designer = await person("scheduler-designer@example.com", ["designer"]);
  workflowId = await storeWorkflow(designer, { nodes: [startNode(), endNode()], edges: [e("start", "end")] });
  const published = await publishWorkflow(designer, { id: workflowId });
  if (!published.ok) throw new Error(published.message);
});

afterEach(async () => {
  await Promise.all(schedulers.splice(0).map((s) => s.stop()));
  await Trigger.deleteMany({});
  resetRunClock();
});

afterAll(() => resetRunClock());

describe("daylight saving time (Europe/Berlin)", () => {
  it("fires a 02:30 schedule at 03:00 CEST when spring skips 02:30, and once when autumn repeats it", async () => {
    setRunClockTo(Date.parse("2026-03-29T00:59:59.000Z")); // 01:59:59 CET, one second before the jump to 03:00 CEST
    const id = await schedule("30 2 * * *");
    const scheduler = await startScheduler();
    expect(scheduler.planned().get(id)?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(await waitForFires(id, 1)).toEqual(["2026-03-29T01:00:00.000Z"]);

    // Autumn: 02:30 CEST (00:30Z) fires; the repeated 02:30 CET (01:30Z) does not.
    setRunClockTo(Date.parse("2026-10-25T00:29:59.000Z"));
    await sleep(300);
    expect(scheduler.planned().get(id)?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(await waitForFires(id, 2)).toEqual(["2026-03-29T01:00:00.000Z", "2026-10-25T00:30:00.000Z"]);
    setRunClockTo(Date.parse("2026-10-25T01:29:59.000Z"));
    await sleep(2_000);
    expect(await firesOf(id)).toHaveLength(2);
    expect(scheduler.planned().get(id)?.toISOString()).toBe("2026-10-26T01:30:00.000Z");
  });

  it("fires an hourly schedule at every real hour through the autumn change (two 02:00s)", async () => {
    setRunClockTo(Date.parse("2026-10-24T23:59:59.000Z"));
    const id = await schedule("0 * * * *");
    const scheduler = await startScheduler();
    const expected = ["2026-10-25T00:00:00.000Z", "2026-10-25T01:00:00.000Z", "2026-10-25T02:00:00.000Z"];
    for (let i = 0; i < expected.length; i++) {
      setRunClockTo(Date.parse(expected[i]) - 1_000);
      expect(scheduler.planned().get(id)?.toISOString()).toBe(expected[i]);
      await waitForFires(id, i + 1);
    }
    expect(await firesOf(id)).toEqual(expected);
    // The fire document comes first, its run right after: wait for the last run to exist.
    for (let i = 0; i < 100 && (await WorkflowExecution.countDocuments({ "trigger.source": id })) < expected.length; i++) await sleep(50);
    const runs = await WorkflowExecution.find({ "trigger.source": id }, { input: 1 }).lean();
    expect(runs.map((r) => JSON.parse(r.input!).scheduledFor).sort()).toEqual(expected);
  });
});

describe("missed fires after a restart", () => {
  it("skips them by default, and with 'run once' fires the latest missed time once", async () => {
    setRunClockTo(Date.parse("2030-01-01T09:59:59.000Z"));
    const skip = await schedule("* * * * *", "skip");
    const once = await schedule("* * * * *", "runOnce");
    const first = await startScheduler();
    await waitForFires(skip, 1);
    await waitForFires(once, 1);
    await first.stop();

    // Down for five minutes: 10:01 … 10:05 are missed.
    setRunClockTo(Date.parse("2030-01-01T10:05:30.000Z"));
    await startScheduler();
    expect(await waitForFires(once, 2)).toEqual(["2030-01-01T10:00:00.000Z", "2030-01-01T10:05:00.000Z"]);
    // A second process starting now agrees: no second catch-up.
    await startScheduler();
    await sleep(1_000);
    expect(await firesOf(once)).toEqual(["2030-01-01T10:00:00.000Z", "2030-01-01T10:05:00.000Z"]);
    expect(await firesOf(skip)).toEqual(["2030-01-01T10:00:00.000Z"]);
    const catchUp = await TriggerFire.findById(`${once}:2030-01-01T10:05:00.000Z`).lean();
    expect(catchUp?.catchUp).toBe(true);
    expect(await WorkflowExecution.countDocuments({ "trigger.source": once })).toBe(2);
  });
});
