// Durability with real processes: worker processes (scripts/worker.ts) run 24 runs of a
// workflow with timers, sets, a parallel split/join and a decision while the test SIGKILLs a
// random worker every second or so (and once all of them: a full restart), starting a new one
// each time. With 2-second leases the survivors take the dead workers' runs over. Every run must
// end, each node must have exactly one successful history entry, no step recorded as finished
// may start again, and each run's seq must have no gaps. One step has an effect: an HTTP call to a
// slow local server (so kills land between the call and its record too). Pure steps share
// checkpoints and are recomputed after a crash; the effect is persisted before and after: the
// server may see a call again only while it is unrecorded, never after its record, and always with
// the same Idempotency-Key, so the service can apply it once.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor } from "@/lib/workflows/test-fixtures";
import { EventLog } from "@/models/EventLog";
import { RunQueue } from "@/models/RunQueue";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { liveHeads } from "./live-store";
import { historyOf, loadFullExecution } from "./execution-store";
import { startRunFor } from "./start";
import { e, endNode, n, setNode, sleep, startNode, storeWorkflow } from "./test-support";

const ROOT = path.resolve(__dirname, "../..");
const RUNS = 24;
// Kills stop after this many, so the runs can finish even on a loaded machine, where a new
// worker process may take seconds to start and would otherwise be killed before it works.
const MAX_KILLS = 14;
const designer = actor(["designer"]);
const workers = new Set<ChildProcess>();
let kills = 0;

function spawnWorker(): ChildProcess {
  // node itself with tsx as a loader: through node_modules/.bin/tsx a SIGKILL would reach only
  // tsx's wrapper process and the worker behind it would keep running.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, SWITCHYARD_LEASE_MS: "2000", SWITCHYARD_POLL_MS: "50", SWITCHYARD_WORKER_CONCURRENCY: "4", SWITCHYARD_STOP_GRACE_MS: "500" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (!text.includes("npm warn")) process.stderr.write(`[worker ${child.pid}] ${text}`);
  });
  workers.add(child);
  child.on("exit", () => workers.delete(child));
  return child;
}

function kill(child: ChildProcess): void {
  child.kill("SIGKILL");
  workers.delete(child);
  kills += 1;
}

const graphWith = (effectUrl: string) => ({
  nodes: [
    startNode([{ name: "delay", type: "number", required: true }, { name: "x", type: "number", required: true }]),
    setNode("a", "a", "x + 1"),
    n("wait1", "timer", { mode: "until", until: "$millis() + delay" }),
    setNode("b", "b", "$vars.a * 2"),
    n("split", "parallel", { mode: "split" }),
    setNode("c1", "c1", "$vars.b + 1"),
    setNode("c2", "c2", "$vars.b + 2"),
    n("join", "parallel", { mode: "join" }),
    n("check", "decision", { branches: [{ id: "big", label: "Big", condition: "$vars.b > 10" }] }),
    setNode("big", "size", '"big"'),
    setNode("small", "size", '"small"'),
    n("wait2", "timer", { mode: "until", until: "$millis() + 800" }),
    setNode("f", "f", "$vars.c1 + $vars.c2"),
    n("effect", "action", { method: "POST", url: effectUrl, headers: [], body: "{{ $vars.f }}", timeoutMs: 10_000 }),
    endNode("end", [{ key: "f", expression: "$vars.f" }, { key: "size", expression: "$vars.size" }]),
  ],
  edges: [
    e("start", "a"), e("a", "wait1"), e("wait1", "b"), e("b", "split"), e("split", "c1"), e("split", "c2"), e("c1", "join"), e("c2", "join"),
    e("join", "check"), e("check", "big", "big"), e("check", "small", "default"), e("big", "wait2"), e("small", "wait2"), e("wait2", "f"), e("f", "effect"), e("effect", "end"),
  ],
});

/** Calls to the effect server: when each arrived, with which Idempotency-Key. */
const calls: { key: string; at: number }[] = [];
let effects: Server;

describe("durability under SIGKILL (real worker processes)", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowExecution.init(), EventLog.init()]);
    effects = createServer((req, res) => {
      calls.push({ key: String(req.headers["idempotency-key"]), at: Date.now() });
      req.resume();
      // Slow on purpose: a kill often lands while the call is in flight, before its record.
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'), 300);
    });
    await new Promise<void>((resolve) => effects.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const child of workers) child.kill("SIGKILL");
    await new Promise((resolve) => effects.close(resolve));
  });

  it("finishes every run exactly once per node while workers are killed at random", async () => {
    const id = await storeWorkflow(designer, graphWith(`http://127.0.0.1:${(effects.address() as AddressInfo).port}/effect`));
    for (let i = 0; i < 3; i++) spawnWorker();
    const runIds: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const res = await startRunFor(designer, { workflowId: id, mode: "test", input: { delay: 200 + ((i * 137) % 1500), x: i } });
      if (!res.ok) throw new Error(res.message);
      runIds.push(res.runId);
    }

    const deadline = Date.now() + 150_000;
    let fullRestart = false;
    for (;;) {
      const open = await WorkflowExecution.countDocuments({ _id: { $in: runIds }, status: { $nin: ["completed", "failed", "cancelled"] } });
      const queued = await RunQueue.countDocuments({ _id: { $in: runIds } });
      if (open === 0 && queued === 0) break;
      if (Date.now() > deadline) {
        const execs = await WorkflowExecution.find({ _id: { $in: runIds } }, { status: 1, stateVersion: 1, seq: 1, wakeAt: 1 }).lean();
        const entries = await RunQueue.find({ _id: { $in: runIds } }).lean();
        const heads = await liveHeads({});
        const stuck = execs.filter((x) => !["completed", "failed", "cancelled"].includes(x.status));
        for (const x of stuck) console.log("unfinished:", x._id, x.status, x.stateVersion, JSON.stringify(entries.find((q) => q._id === x._id)), JSON.stringify(heads.get(x._id)));
        throw new Error(`${open} runs did not end (${kills} kills)`);
      }
      await sleep(1_000 + Math.random() * 1_500);
      const alive = [...workers];
      if (!fullRestart && kills >= 4) {
        fullRestart = true;
        for (const child of alive) kill(child);
        await sleep(300);
        for (let i = 0; i < 3; i++) spawnWorker();
      } else if (alive.length > 0 && kills < MAX_KILLS) {
        kill(alive[Math.floor(Math.random() * alive.length)]);
        spawnWorker();
      }
    }

    let replays = 0;
    let redelivered = 0;
    for (const runId of runIds) {
      const exec = await loadFullExecution(runId);
      expect(exec?.status, runId).toBe("completed");
      const succeeded = new Map<string, number>();
      for (const h of historyOf(exec!)) if (h.status === "succeeded") succeeded.set(h.nodeId, (succeeded.get(h.nodeId) ?? 0) + 1);
      const expected = ["start", "a", "wait1", "b", "split", "c1", "c2", "join", "check", JSON.parse(exec!.input ?? "{}").x >= 5 ? "big" : "small", "wait2", "f", "effect", "end"];
      expect(Object.fromEntries(succeeded), runId).toEqual(Object.fromEntries(expected.map((node) => [node, 1])));

      const events = await EventLog.find({ runId }).sort({ seq: 1 }).lean();
      expect(events.map((ev) => ev.seq), runId).toEqual(events.map((_, i) => i + 1));
      const finishedAt = new Map<string, number>();
      for (const ev of events) {
        if (ev.type === "node_complete") {
          expect(finishedAt.has(ev.stepId!), `${runId}: ${ev.stepId} completed twice`).toBe(false);
          finishedAt.set(ev.stepId!, ev.seq);
        }
        if (ev.type === "node_start") {
          expect(finishedAt.has(ev.stepId!), `${runId}: ${ev.stepId} started again after it was recorded as finished`).toBe(false);
          if ((ev.data as { replay?: boolean }).replay) replays += 1;
        }
      }
      expect(events.at(-1)?.type).toBe("workflow_complete");

      // The effect: called at least once, every time with the same key, and never after its record.
      const effectDone = events.find((ev) => ev.type === "node_complete" && ev.nodeId === "effect");
      const mine = calls.filter((c) => c.key.startsWith(`${runId}:`));
      expect(mine.length, `${runId}: the effect was never called`).toBeGreaterThanOrEqual(1);
      expect(new Set(mine.map((c) => c.key)).size, `${runId}: the effect was called with different keys`).toBe(1);
      for (const call of mine) expect(call.at, `${runId}: the effect ran again after it was recorded`).toBeLessThanOrEqual(new Date(effectDone!.at).getTime());
      if (mine.length > 1) redelivered += 1;
    }
    const heads = await liveHeads({});
    for (const runId of runIds) expect(heads.get(runId)?.kind ?? "finished", runId).toBe("finished");
    console.log(`durability: ${RUNS} runs, ${kills} SIGKILLs (one full restart), ${replays} steps replayed after a crash, ${redelivered} effects called again before their record (same key)`);
    expect(kills).toBeGreaterThanOrEqual(3);
  }, 200_000);
});
