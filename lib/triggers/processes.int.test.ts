// Real processes. (1) Three worker processes (scripts/worker.ts, each running the scheduler) and a
// schedule that fires every second for 65 s: every fire time between the first and the last has
// exactly one fire and one run — no duplicate, no gap. (2) A webhook server process
// (tests/hook-server.ts) SIGKILLed right after its first 202s: every delivery it acknowledged
// gets its run, once, from the recovery pass of another process.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e, endNode, sleep, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import { person } from "@/lib/workflows/test-fixtures";
import { publishWorkflow } from "@/lib/workflows/service";
import { Trigger } from "@/models/Trigger";
import { TriggerFire } from "@/models/TriggerFire";
import { TriggerPending } from "@/models/TriggerPending";
import { WebhookDelivery } from "@/models/WebhookDelivery";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { recoverPending } from "./recovery";
import { pickUpDeliveries } from "./webhook/pickup";
import { createTrigger } from "./service";

const ROOT = path.resolve(__dirname, "../..");
const children = new Set<ChildProcess>();
let designer: Awaited<ReturnType<typeof person>>;
let workflowId: string;

// node itself with tsx as a loader (not the tsx CLI, which runs the script in a child process that a
// SIGKILL of the CLI would leave running): the pid is the process that serves.
function spawnTsx(script: string, env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script], {
    cwd: ROOT,
    env: { ...process.env, SWITCHYARD_POLL_MS: "50", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (!text.includes("npm warn")) process.stderr.write(`[${path.basename(script)} ${child.pid}] ${text}`);
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

beforeAll(async () => {
  designer = await person("processes-designer@example.com", ["designer"]);
  workflowId = await storeWorkflow(designer, { nodes: [startNode(), endNode()], edges: [e("start", "end")] });
  const published = await publishWorkflow(designer, { id: workflowId });
  if (!published.ok) throw new Error(published.message);
});

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

describe("a schedule across three processes", () => {
  it("starts exactly one run per fire time over 65 fires: no duplicate, no gap", async () => {
    const created = await createTrigger(designer, { workflowId, kind: "schedule", schedule: { cron: "* * * * * *", timezone: "UTC" } });
    if (!created.ok) throw new Error(created.message);
    const id = created.trigger.id;
    for (let i = 0; i < 3; i++) spawnTsx("scripts/worker.ts", { SWITCHYARD_WORKER_CONCURRENCY: "4" });
    const deadline = Date.now() + 120_000;
    while ((await TriggerFire.countDocuments({ triggerId: id })) < 66) {
      if (Date.now() > deadline) throw new Error(`only ${await TriggerFire.countDocuments({ triggerId: id })} fires`);
      await sleep(1_000);
    }
    // Stop the processes (they finish the fires in flight), then finish what a busy database
    // left pending, as the recovery pass of any live process would.
    await Promise.all([...children].map((child) => new Promise((resolve) => { child.once("exit", resolve); child.kill("SIGTERM"); })));
    await recoverPending(0);
    const fires = await TriggerFire.find({ triggerId: id }).lean();
    const times = fires.map((f) => f.fireTime.getTime()).sort((a, b) => a - b);
    const first = times[0];
    const last = times.at(-1)!;
    expect(times.length).toBeGreaterThanOrEqual(65);
    expect(times).toEqual(Array.from({ length: (last - first) / 1000 + 1 }, (_, i) => first + i * 1000));
    const byProcess = new Map<string, number>();
    for (const f of fires) byProcess.set(f.process, (byProcess.get(f.process) ?? 0) + 1);
    const runDeadline = Date.now() + 30_000;
    while ((await WorkflowExecution.countDocuments({ "trigger.source": id })) < fires.length && Date.now() < runDeadline) await sleep(500);
    const runs = await WorkflowExecution.find({ "trigger.source": id }, { _id: 1, input: 1 }).lean();
    expect(runs.length).toBe(fires.length);
    expect(new Set(runs.map((r) => JSON.parse(r.input!).scheduledFor)).size).toBe(fires.length);
    expect(new Set(runs.map((r) => r._id))).toEqual(new Set(fires.map((f) => f.runId)));
    console.log(`schedule: ${fires.length} fires in ${(last - first) / 1000 + 1} s, claimed per process: ${JSON.stringify(Object.fromEntries(byProcess))}`);
    expect(byProcess.size).toBeGreaterThanOrEqual(2);
    await Trigger.updateOne({ _id: id }, { $set: { enabled: false } });
  }, 180_000);
});

describe("an accepted webhook delivery survives a SIGKILL after the 202", () => {
  it("starts the run of every acknowledged delivery, once", async () => {
    const created = await createTrigger(designer, { workflowId, kind: "webhook", webhook: { methods: ["POST"], auth: "token", ratePerMinute: 100_000 } });
    if (!created.ok) throw new Error(created.message);
    const { id } = created.trigger;
    const token = created.secret!.value;
    const server = spawnTsx("tests/hook-server.ts", { SWITCHYARD_SCHEDULER: "off" });
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout?.on("data", (chunk: Buffer) => {
        const m = /listening (\d+)/.exec(chunk.toString());
        if (m) resolve(Number(m[1]));
      });
      server.on("exit", () => reject(new Error("the hook server exited")));
    });
    const acknowledged: string[] = [];
    let killed = false;
    const sends = Array.from({ length: 40 }, async (_, i) => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/hooks/${id}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ i }) });
        if (res.status === 202) {
          acknowledged.push(((await res.json()) as { runId: string }).runId);
          if (acknowledged.length >= 5 && !killed) {
            killed = true;
            server.kill("SIGKILL");
          }
        }
      } catch {
        // the server died mid-request: that request was never acknowledged
      }
    });
    await Promise.all(sends);
    expect(killed).toBe(true);
    const recorded = await WebhookDelivery.find({ triggerId: id }, { runId: 1 }).lean();
    const pending = await TriggerPending.find({ kind: "webhook", "delivery.triggerId": id }).lean();
    const startedAtKill = await WorkflowExecution.countDocuments({ "trigger.source": id });
    console.log(`webhook SIGKILL: ${acknowledged.length} acknowledged, ${recorded.length} recorded, ${startedAtKill} runs existed and ${pending.length} were pending at the kill`);
    expect(pending.length).toBeGreaterThan(0);
    // Stored before its 202: in its marker, or already in webhook_deliveries on the way to its run.
    const stored = new Set([...recorded.map((d) => d.runId), ...pending.map((m) => m.delivery!.runId)]);
    for (const runId of acknowledged) expect(stored).toContain(runId);

    // The server ran no worker, so its deliveries were handed off: a worker process's pickup
    // (here: this one's) starts them.
    expect(pending.every((m) => m.handedOff === true)).toBe(true);
    const worker = testWorker();
    try {
      while ((await pickUpDeliveries()) > 0);
      for (const runId of acknowledged) expect((await waitForStatus(runId)).status).toBe("completed");
      // Inserts the dead process had sent may land after the kill: compare with the final record.
      while ((await pickUpDeliveries()) > 0);
      const final = await WebhookDelivery.find({ triggerId: id }, { runId: 1 }).lean();
      const runs = await WorkflowExecution.find({ "trigger.source": id }, { _id: 1 }).lean();
      expect(runs.length).toBe(final.length);
      expect(new Set(runs.map((r) => r._id))).toEqual(new Set(final.map((d) => d.runId)));
      // Every marker carried its delivery: none is left.
      expect(await TriggerPending.countDocuments({ "delivery.triggerId": id })).toBe(0);
    } finally {
      await worker.stop(1_000);
    }
  }, 120_000);
});
