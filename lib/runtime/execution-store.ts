// Reads and writes of a run's two documents, workflow_executions and execution_details (their
// models say why two): by _id, when a run is created and each time it leaves a worker. The
// details are written first, so an execution never says more than its details hold.
import type { RunState } from "@/lib/engine/state";
import { ExecutionDetail, type ExecutionDetailDoc } from "@/models/ExecutionDetail";
import { WorkflowExecution, type ExecutionDoc } from "@/models/WorkflowExecution";
import { groupInsert, modelDocument } from "@/lib/db/group-commit";
import { emptyBook, type HistoryEntry, type RunBook } from "./book";
import { plain, stateFromStored, storedState, valueToText } from "./codec";
import type { StoredEvent } from "./event-records";
import type { RunMeta } from "./meta";

export interface NewExecution {
  runId: string;
  meta: RunMeta;
  state: RunState;
  events: StoredEvent[];
}

/** Inserts the pending execution; "exists" when a run with this id was already created (a replayed child start). */
export async function insertExecution({ runId, meta, state, events }: NewExecution): Promise<"created" | "exists"> {
  const seq = events.length === 0 ? 0 : events[events.length - 1].seq;
  // Both in the process's shared batches (lib/db/group-commit.ts). A duplicate details document
  // is a replayed start with the same details: the execution's insert decides.
  await groupInsert(ExecutionDetail.collection, await modelDocument(ExecutionDetail, { _id: runId, state: storedState(state), pendingEvents: plain(events), executionHistory: [], stateVersion: 0, seq }));
  const execution = await modelDocument(WorkflowExecution, {
      _id: runId,
      workflowId: meta.workflowId,
      workflowName: meta.workflowName,
      version: meta.version,
      graphId: meta.graphId,
      status: state.status,
      seq,
      activeNodes: [...new Set(state.tokens.map((t) => t.nodeId))],
      trigger: meta.trigger,
      input: valueToText(state.data.input) ?? null,
      parentExecutionId: meta.parentExecutionId,
      parentStepId: meta.parentStepId,
      parentAttempt: meta.parentAttempt,
      depth: meta.depth,
      concurrency: meta.concurrency,
    });
  return (await groupInsert(WorkflowExecution.collection, execution)) === "inserted" ? "created" : "exists";
}

/** The execution without its details: status, times, trigger, metrics (lists, access checks, heads). */
export async function loadExecution(runId: string): Promise<ExecutionDoc | null> {
  return WorkflowExecution.findById(runId).lean<ExecutionDoc>();
}

/** The execution with its state, history and pending events. */
export type FullExecution = ExecutionDoc & Pick<ExecutionDetailDoc, "state" | "executionHistory" | "pendingEvents">;

export async function loadFullExecution(runId: string): Promise<FullExecution | null> {
  const [doc, detail] = await Promise.all([loadExecution(runId), ExecutionDetail.findById(runId).lean<ExecutionDetailDoc>()]);
  return doc && detail ? withDetails(doc, detail) : null;
}

/** The execution with its details, read separately (e.g. after an access check read the execution). */
export async function addDetails(doc: ExecutionDoc): Promise<FullExecution | null> {
  const detail = await ExecutionDetail.findById(doc._id).lean<ExecutionDetailDoc>();
  return detail ? withDetails(doc, detail) : null;
}

function withDetails(doc: ExecutionDoc, detail: ExecutionDetailDoc): FullExecution {
  // The version and seq that belong to this state: the execution's may lag behind (written second).
  return { ...doc, state: detail.state, executionHistory: detail.executionHistory, pendingEvents: detail.pendingEvents, stateVersion: detail.stateVersion ?? 0, seq: detail.seq ?? doc.seq };
}

export function stateOf(doc: Pick<FullExecution, "state">): RunState {
  return stateFromStored(doc.state);
}

export function metaOf(doc: ExecutionDoc): RunMeta {
  return {
    workflowId: String(doc.workflowId),
    workflowName: doc.workflowName ?? "",
    version: doc.version ?? null,
    graphId: doc.graphId,
    depth: doc.depth ?? 0,
    parentExecutionId: doc.parentExecutionId ?? null,
    parentStepId: doc.parentStepId ?? null,
    parentAttempt: doc.parentAttempt ?? null,
    trigger: {
      type: doc.trigger?.type ?? "manual",
      by: doc.trigger?.by ? String(doc.trigger.by) : null,
      ipAddress: doc.trigger?.ipAddress ?? null,
      userAgent: doc.trigger?.userAgent ?? null,
      source: doc.trigger?.source ?? null,
      startedFrom: doc.trigger?.startedFrom?.runId ? { runId: doc.trigger.startedFrom.runId, nodeId: doc.trigger.startedFrom.nodeId ?? "" } : null,
    },
    concurrency: doc.concurrency ?? 0,
  };
}

const ms = (d: Date | null | undefined) => (d ? new Date(d).getTime() : undefined);

/** The execution's history entries. */
export function historyOf(doc: Pick<FullExecution, "executionHistory">): HistoryEntry[] {
  return (doc.executionHistory ?? []) as unknown as HistoryEntry[];
}

/** Events the execution holds that are not yet in event_logs (a run no worker has taken yet). */
export function pendingEventsOf(doc: Pick<FullExecution, "pendingEvents">): StoredEvent[] {
  return (doc.pendingEvents ?? []) as unknown as StoredEvent[];
}

/** The runtime's bookkeeping as stored on the execution (for a run a worker takes up again). */
export function bookOf(doc: FullExecution): RunBook {
  const book = emptyBook();
  Object.assign(book.metrics, doc.metrics ?? {});
  book.history = historyOf(doc);
  book.aiUsage = (doc.aiUsage ?? []).map((r) => ({ provider: r.provider ?? "", model: r.model ?? "", calls: r.calls ?? 0, inputTokens: r.inputTokens ?? 0, outputTokens: r.outputTokens ?? 0, cost: r.cost ?? 0 }));
  book.nodeAiUsage = (doc.nodeAiUsage ?? []).map((r) => ({ nodeId: r.nodeId ?? "", calls: r.calls ?? 0, inputTokens: r.inputTokens ?? 0, outputTokens: r.outputTokens ?? 0, cost: r.cost ?? 0 }));
  book.humanInteractions = (doc.humanInteractions ?? []).map((h) => ({ nodeId: h.nodeId ?? "", stepId: h.stepId ?? "", by: h.by ?? null, ...(h.handle ? { handle: h.handle } : {}), at: ms(h.at) ?? 0, ...(h.waitedMs != null ? { waitedMs: h.waitedMs } : {}) }));
  return book;
}

const date = (t: number | undefined) => (t === undefined ? null : new Date(t));

/** Writes the run as it leaves a worker: paused, waiting for a timer, or ended. */
export async function writeExecution(runId: string, state: RunState, seq: number, book: RunBook, stateVersion: number): Promise<void> {
  const waiting = state.tokens
    .filter((t) => t.state === "waiting")
    .map((t) => ({ stepId: t.stepId, nodeId: t.nodeId, attempt: t.attempt, reason: t.wait?.reason ?? "", since: date(t.wait?.since), until: date(t.wait?.until) }));
  const error = state.error
    ? { message: state.error.message, code: state.error.code ?? null, nodeId: state.error.nodeId ?? null, stepId: state.error.stepId ?? null }
    : null;
  await ExecutionDetail.updateOne({ _id: runId }, { $set: { state: storedState(state), executionHistory: plain(book.history), pendingEvents: [], stateVersion, seq } });
  await WorkflowExecution.updateOne(
    { _id: runId },
    {
      $set: {
        status: state.status,
        seq,
        stateVersion,
        activeNodes: [...new Set(state.tokens.map((t) => t.nodeId))],
        waiting,
        wakeAt: date(state.wakeAt),
        output: valueToText(state.output?.value) ?? null,
        error,
        startedAt: date(state.startedAt),
        endedAt: date(state.endedAt),
        metrics: book.metrics,
        aiUsage: book.aiUsage,
        nodeAiUsage: book.nodeAiUsage ?? [],
        humanInteractions: book.humanInteractions.map((h) => ({ ...h, at: new Date(h.at) })),
      },
    },
  );
}
