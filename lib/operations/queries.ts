// The operator's view of runs that need a person: stuck ones (their worker's lease ran out and
// nobody took them over, or they were runnable long ago and no worker claimed them) and
// poisoned ones (a step stopped its worker too often: lib/runtime/poison.ts). Both lists read
// small collections: run_queue holds only live work, and poisoned runs are found by their
// error code among failed runs, newest first, at most LIMIT.
import "server-only";
import { can, type Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { POISON_CODE } from "@/lib/runtime/poison";
import { RunQueue } from "@/models/RunQueue";
import { WorkflowExecution } from "@/models/WorkflowExecution";

/** A run counts as stuck this long after its lease ran out, or after it became runnable, unclaimed. */
export const STUCK_AFTER_MS = 60_000;
const LIMIT = 100;

export interface OperationsRun {
  runId: string;
  workflowId: string;
  workflowName: string;
  status: string;
  /** Why it is listed, in words. */
  why: string;
  since: string;
}

export interface OperationsView {
  stuck: OperationsRun[];
  poisoned: OperationsRun[];
}

interface ExecutionRow {
  _id: string;
  workflowId: unknown;
  workflowName?: string | null;
  status: string;
  updatedAt?: Date;
  error?: { message?: string | null; code?: string | null } | null;
}

export async function operationsView(actor: Actor, now = new Date()): Promise<OperationsView> {
  if (!can(actor, "operations:view")) throw new PermissionError("Only admins can see the operations page.");
  const cutoff = new Date(now.getTime() - STUCK_AFTER_MS);
  const entries = await RunQueue.find(
    { $or: [{ "lease.owner": { $ne: null }, "lease.until": { $lt: cutoff } }, { "lease.owner": null, runnableAt: { $lt: cutoff }, waitingForSlot: false }] },
    { lease: 1, runnableAt: 1 },
  )
    .limit(LIMIT)
    .lean();
  const stuckRuns = entries.length
    ? await WorkflowExecution.find({ _id: { $in: entries.map((e) => e._id) } }, { workflowId: 1, workflowName: 1, status: 1, updatedAt: 1 }).lean<ExecutionRow[]>()
    : [];
  const byId = new Map(stuckRuns.map((r) => [r._id, r]));
  const stuck: OperationsRun[] = [];
  for (const entry of entries) {
    const run = byId.get(entry._id);
    if (!run || ["completed", "failed", "cancelled"].includes(run.status)) continue;
    const owner = entry.lease?.owner;
    const since = owner != null && entry.lease ? entry.lease.until : entry.runnableAt;
    stuck.push({
      runId: entry._id,
      workflowId: String(run.workflowId),
      workflowName: run.workflowName || "(unnamed workflow)",
      status: run.status,
      why: owner != null ? `its worker (${owner}) stopped renewing its lease` : "runnable, but no worker has claimed it",
      since: new Date(since).toISOString(),
    });
  }
  const failed = await WorkflowExecution.find({ status: "failed", "error.code": POISON_CODE }, { workflowId: 1, workflowName: 1, status: 1, updatedAt: 1, error: 1 })
    .sort({ updatedAt: -1 })
    .limit(LIMIT)
    .lean<ExecutionRow[]>();
  const poisoned = failed.map((run) => ({
    runId: run._id,
    workflowId: String(run.workflowId),
    workflowName: run.workflowName || "(unnamed workflow)",
    status: run.status,
    why: run.error?.message ?? "a step stopped its worker too often",
    since: (run.updatedAt ?? now).toISOString(),
  }));
  return { stuck, poisoned };
}
