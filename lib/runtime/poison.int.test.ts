// A poison step with real processes: a worker process (scripts/worker.ts) is SIGKILLed each time
// it starts the script step, as if the step took its worker down. After the third stop the next
// worker does not run the step again: it fails it with the poison message and the run takes the
// node's error output. The count is in the persisted state, so it survives the kills.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor } from "@/lib/workflows/test-fixtures";
import { EventLog } from "@/models/EventLog";
import { RunQueue } from "@/models/RunQueue";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { readRun } from "./control";
import { startRunFor } from "./start";
import { e, endNode, eventsOf, n, setNode, sleep, startNode, storeWorkflow, waitForStatus } from "./test-support";

const ROOT = path.resolve(__dirname, "../..");
const designer = actor(["designer"]);
const workers = new Set<ChildProcess>();

function spawnWorker(): ChildProcess {
  // node itself with tsx's loader, not the tsx command: that one runs the worker in a child
  // process, which a SIGKILL of the command would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, SWITCHYARD_LEASE_MS: "2000", SWITCHYARD_POLL_MS: "50", SWITCHYARD_STOP_GRACE_MS: "200" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`));
  workers.add(child);
  child.on("exit", () => workers.delete(child));
  return child;
}

const graph = {
  nodes: [
    startNode(),
    n("busy", "script", { source: "while (true) {}", timeLimitMs: 60_000, memoryLimitMb: 16 }, "Busy script"),
    setNode("caught", "caught", "true"),
    endNode("end", [{ key: "caught", expression: "$vars.caught = true" }]),
  ],
  edges: [e("start", "busy"), e("busy", "end"), e("busy", "caught", "error"), e("caught", "end")],
};

describe("a step that stops its worker every time", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowExecution.init(), EventLog.init()]);
  });
  afterAll(() => {
    for (const child of workers) child.kill("SIGKILL");
  });

  it("is failed after the third stop, not replayed forever, and takes the error output", async () => {
    const id = await storeWorkflow(designer, graph);
    const started = await startRunFor(designer, { workflowId: id, mode: "test", input: {} });
    if (!started.ok) throw new Error(started.message);
    const { runId } = started;

    // Kill the worker each time the state says it (re)started the script step: the replay count
    // in the persisted token tells which start this is.
    for (let stop = 0; stop < 3; stop++) {
      const child = spawnWorker();
      const deadline = Date.now() + 60_000;
      for (;;) {
        const run = await readRun(runId);
        const token = run?.state.tokens.find((t) => t.nodeId === "busy");
        if (token?.state === "running" && (token.replays ?? 0) === stop) break;
        if (Date.now() > deadline) {
          const entry = await RunQueue.findById(runId).lean();
          throw new Error(`the script step did not start a ${stop + 1}. time: ${JSON.stringify({ status: run?.state.status, token, entry })}`);
        }
        await sleep(50);
      }
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
    }

    spawnWorker();
    const state = await waitForStatus(runId, ["completed", "failed"], 60_000).catch(async (error: Error) => {
      const run = await readRun(runId);
      throw new Error(`${error.message}: ${JSON.stringify({ tokens: run?.state.tokens, entry: await RunQueue.findById(runId).lean() })}`);
    });
    expect(state.status).toBe("completed");
    expect(state.output?.value).toEqual({ caught: true });
    const events = await eventsOf(runId);
    const starts = events.filter((ev) => ev.type === "node_start" && ev.nodeId === "busy");
    expect(starts).toHaveLength(3);
    const error = events.find((ev) => ev.type === "node_error" && ev.nodeId === "busy");
    expect((error?.data.error as { message: string; code: string }).code).toBe("poison_step");
    expect((error?.data.error as { message: string }).message).toMatch(/the step stopped its worker 3 times in a row .*it was not run again/);
  }, 200_000);
});
