// Helpers for the runtime's integration tests and benchmark: workflows stored directly, a
// worker with short timings, waiting for runs. Test-only, kept out of *.test.ts so several
// test files can share it.
import { decodeEventData } from "./event-records";
import type { Actor } from "@/lib/auth/roles";
import type { ExecutorMap } from "@/lib/engine/executor";
import type { RunStatus } from "@/lib/engine/state";
import { defaultSettings } from "@/lib/workflow/schema";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode, WorkflowSettings } from "@/lib/workflow/types";
import { EventLog } from "@/models/EventLog";
import { encodeGraph } from "@/models/graph-codec";
import { RunQueue } from "@/models/RunQueue";
import { Workflow } from "@/models/Workflow";
import { builtinExecutors } from "@/lib/engine/builtins";
import { readRun } from "./control";
import type { RuntimeServices } from "./services";
import type { ServiceProviders } from "./step-services";
import { Worker } from "./worker";

export function n(id: string, type: string, config: Record<string, unknown>, title = id): WorkflowNode {
  return { id, type, position: { x: 0, y: 0 }, data: { title, config } };
}

export function e(source: string, target: string, sourceHandle?: string): WorkflowEdge {
  return { id: `${source}-${sourceHandle ?? "out"}-${target}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) };
}

export const setNode = (id: string, variable: string, expression: string) => n(id, "set", { assignments: [{ variable, expression }] });
export const endNode = (id = "end", mapping: { key: string; expression: string }[] = []) => n(id, "end", { outputMapping: mapping });
export const startNode = (fields: Record<string, unknown>[] = []) => n("start", "start", { fields });

/** Stores a workflow owned by `owner` (and shared with the given editors/viewers). */
export async function storeWorkflow(
  owner: Actor,
  graph: WorkflowGraph,
  settings: Partial<WorkflowSettings> = {},
  share: { editors?: string[]; viewers?: string[] } = {},
): Promise<string> {
  const doc = await Workflow.create({
    name: "Runtime test",
    ...encodeGraph(graph),
    nodeCount: graph.nodes.length,
    edgeCount: graph.edges.length,
    settings: { ...defaultSettings, ...settings },
    metadata: { creator: owner.id, lastEditor: owner.id },
    permissions: { owners: [owner.id], editors: share.editors ?? [], viewers: share.viewers ?? [] },
  });
  return String(doc._id);
}

export const TERMINAL: RunStatus[] = ["completed", "failed", "cancelled"];

/** Polls the run until its status is one of `statuses`; returns its latest state. */
export async function waitForStatus(runId: string, statuses: RunStatus[] = TERMINAL, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await readRun(runId);
    // An ended run is finished once its queue entry is gone (history written, parent told, slot freed).
    const settled = !run || !TERMINAL.includes(run.state.status) || (await RunQueue.countDocuments({ _id: runId })) === 0;
    if (run && statuses.includes(run.state.status) && settled) return run.state;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not reach ${statuses.join("/")} (it is ${run?.state.status ?? "missing"})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function eventsOf(runId: string) {
  const rows = await EventLog.find({ runId }).sort({ seq: 1 }).lean();
  return rows.map((r) => ({ seq: r.seq, type: r.type, nodeId: r.nodeId, stepId: r.stepId, at: r.at, data: decodeEventData(r.data) }));
}

export function testWorker(options: { executors?: ExecutorMap<RuntimeServices>; providers?: ServiceProviders; concurrency?: number; leaseMs?: number; parkAheadMs?: number } = {}): Worker {
  return new Worker({
    config: { leaseMs: options.leaseMs ?? 2_000, pollMs: 20, concurrency: options.concurrency ?? 4, slotRetryMs: 100, ...(options.parkAheadMs ? { parkAheadMs: options.parkAheadMs } : {}) },
    executors: { ...(builtinExecutors as unknown as ExecutorMap<RuntimeServices>), ...options.executors },
    providers: options.providers ?? {},
    sweepMs: 0,
    log: process.env.RUNTIME_DEBUG ? (m, err) => console.error(m, err) : () => {},
  }).start();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
