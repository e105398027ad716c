// What the runtime benchmarks share (bench:runtime, bench:scale): queue runs of a draft, start
// worker processes (scripts/worker.ts) against the database, wait for the queue to drain, and
// read when the last run of a workflow ended.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { enqueueRun } from "../../lib/runtime/enqueue";
import { snapshotDraft } from "../../lib/runtime/graphs";
import { defaultSettings } from "../../lib/workflow/schema";
import type { WorkflowGraph } from "../../lib/workflow/types";
import { RunQueue } from "../../models/RunQueue";
import { WorkflowExecution } from "../../models/WorkflowExecution";

const ROOT = path.resolve(__dirname, "../..");

/** Runs queued at once by enqueueRuns: their inserts share the group commit's batches, as concurrent starts do. */
const ENQUEUE_AT_ONCE = 16;

/** Queues `count` test runs of the graph as `by`; resolves with the milliseconds it took, or with the last run's id when `idOfLast`. */
export async function enqueueRuns(workflowId: string, graph: WorkflowGraph, input: unknown, count: number, by: string): Promise<number>;
export async function enqueueRuns(workflowId: string, graph: WorkflowGraph, input: unknown, count: number, by: string, idOfLast: true): Promise<string>;
export async function enqueueRuns(workflowId: string, graph: WorkflowGraph, input: unknown, count: number, by: string, idOfLast = false): Promise<number | string> {
  const draft = snapshotDraft(workflowId, graph, defaultSettings);
  const started = performance.now();
  let last = "";
  const one = async () => {
    const res = await enqueueRun({
      meta: { workflowId, workflowName: "bench", version: null, graphId: draft.graphId, depth: 0, parentExecutionId: null, parentStepId: null, parentAttempt: null, trigger: { type: "test", by } },
      version: draft.version,
      input,
      beforeInsert: draft.store,
    });
    if (!res.ok) throw new Error(res.message);
    return res.runId;
  };
  for (let queued = 0; queued < count; queued += ENQUEUE_AT_ONCE) {
    const ids = await Promise.all(Array.from({ length: Math.min(ENQUEUE_AT_ONCE, count - queued) }, one));
    last = ids[ids.length - 1];
  }
  return idOfLast ? last : performance.now() - started;
}

/** Worker processes on `uri`, resolved once each says it is running. */
export function startWorkerProcesses(count: number, uri: string, env: Record<string, string>): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
        cwd: ROOT,
        env: { ...process.env, MONGODB_URI: uri, SWITCHYARD_POLL_MS: "100", ...env },
        stdio: ["ignore", "pipe", "inherit"],
      });
      return new Promise<ChildProcess>((resolve) => child.stdout!.on("data", (d: Buffer) => d.toString().includes("running") && resolve(child)));
    }),
  );
}

export function stopWorkerProcesses(workers: ChildProcess[]): Promise<void> {
  return Promise.all(workers.splice(0).map((w) => new Promise<void>((resolve) => (w.once("exit", () => resolve()), w.kill("SIGTERM"))))).then(() => {});
}

/** Waits until no queue entry is due within the hour (sleeping runs may stay). */
export async function drained(timeoutMs: number): Promise<void> {
  const started = performance.now();
  const busy = () => RunQueue.countDocuments({ runnableAt: { $lte: new Date(Date.now() + 3_600_000) } });
  while ((await busy()) > 0) {
    if (performance.now() - started > timeoutMs) throw new Error("the runs did not finish in time");
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

/** When the workflow's last run ended, read from the runs themselves (so how often drained() looks does not count). */
export async function lastEnd(workflowId: string): Promise<number> {
  const last = await WorkflowExecution.findOne({ workflowId, endedAt: { $ne: null } }, { endedAt: 1 }).sort({ endedAt: -1 }).lean();
  return last?.endedAt?.getTime() ?? NaN;
}
