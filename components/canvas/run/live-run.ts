// Folds a run's events (as the SSE route sends them) into what the canvas draws: each node's
// state and duration, and the run's status. Pure, so the designer and the tests share it.
// Unchanged nodes keep their object, so a node subscribed to its own entry re-renders only
// when its state changes.
import type { RunEventView } from "@/lib/runtime/contract";

export type LiveNodeStatus = "pending" | "running" | "succeeded" | "failed" | "waiting" | "retrying" | "skipped" | "cancelled";
export type LiveRunStatus = "connecting" | "running" | "paused" | "completed" | "failed" | "cancelled";

export interface LiveNode {
  status: LiveNodeStatus;
  /** ms since epoch of the latest start. */
  startedAt: number | null;
  durationMs: number | null;
  /** How many times it has started (loops and retries run a node again). */
  runs: number;
  /** The wait reason, or the error message. */
  note: string | null;
}

export interface LiveRun {
  runId: string;
  mode: "test" | "published";
  status: LiveRunStatus;
  nodes: ReadonlyMap<string, LiveNode>;
  lastSeq: number;
  error: string | null;
}

const PENDING: LiveNode = { status: "pending", startedAt: null, durationMs: null, runs: 0, note: null };

export function startLiveRun(runId: string, mode: LiveRun["mode"], nodeIds: readonly string[]): LiveRun {
  return { runId, mode, status: "connecting", nodes: new Map(nodeIds.map((id) => [id, PENDING])), lastSeq: 0, error: null };
}

export function isLiveRunOver(run: LiveRun): boolean {
  return run.status === "completed" || run.status === "failed" || run.status === "cancelled";
}

const at = (event: RunEventView) => Date.parse(event.at);
const text = (value: unknown) => (typeof value === "string" ? value : null);
const errorMessage = (value: unknown) => text((value as { message?: unknown } | undefined)?.message);

function durationOf(event: RunEventView, node: LiveNode): number | null {
  const reported = event.data.durationMs;
  if (typeof reported === "number") return reported;
  return node.startedAt === null ? null : Math.max(0, at(event) - node.startedAt);
}

function withNode(nodes: ReadonlyMap<string, LiveNode>, id: string, change: (node: LiveNode) => LiveNode): Map<string, LiveNode> {
  const next = new Map(nodes);
  next.set(id, change(nodes.get(id) ?? PENDING));
  return next;
}

export function applyRunEvent(run: LiveRun, event: RunEventView): LiveRun {
  if (event.seq <= run.lastSeq) return run;
  const next: LiveRun = { ...run, lastSeq: event.seq, status: run.status === "connecting" ? "running" : run.status };
  const id = event.nodeId;
  switch (event.type) {
    case "node_start":
      if (id) next.nodes = withNode(run.nodes, id, (n) => ({ status: "running", startedAt: at(event), durationMs: null, runs: n.runs + 1, note: null }));
      next.status = "running";
      break;
    case "node_complete":
      if (id) next.nodes = withNode(run.nodes, id, (n) => ({ ...n, status: "succeeded", durationMs: durationOf(event, n), note: null }));
      break;
    case "node_error":
      if (id) {
        const outcome = event.data.outcome;
        next.nodes = withNode(run.nodes, id, (n) => ({
          ...n,
          status: outcome === "retry" ? "retrying" : "failed",
          durationMs: durationOf(event, n),
          note: errorMessage(event.data.error),
        }));
      }
      break;
    case "node_waiting":
    case "timer_set":
      if (id) next.nodes = withNode(run.nodes, id, (n) => ({ ...n, status: "waiting", note: text(event.data.reason) }));
      next.status = "paused";
      break;
    case "node_skipped": {
      const ids = Array.isArray(event.data.nodeIds) ? (event.data.nodeIds as string[]) : [];
      const nodes = new Map(run.nodes);
      for (const skipped of ids) nodes.set(skipped, { ...(nodes.get(skipped) ?? PENDING), status: "skipped" });
      next.nodes = nodes;
      break;
    }
    case "node_cancelled":
      if (id) next.nodes = withNode(run.nodes, id, (n) => ({ ...n, status: "cancelled", durationMs: durationOf(event, n), note: text(event.data.reason) }));
      break;
    case "human_approval":
      next.status = "running";
      break;
    case "workflow_complete":
      next.status = "completed";
      break;
    case "workflow_failed":
      next.status = "failed";
      next.error = errorMessage(event.data.error);
      break;
    case "workflow_cancelled":
      next.status = "cancelled";
      next.error = text(event.data.reason);
      break;
  }
  return next;
}

/** How many nodes have finished, of those the run has touched or may still touch. */
export function liveProgress(run: LiveRun): { done: number; total: number } {
  let done = 0;
  for (const node of run.nodes.values()) if (node.status === "succeeded" || node.status === "skipped" || node.status === "failed") done += 1;
  return { done, total: run.nodes.size };
}
