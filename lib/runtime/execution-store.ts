// Reads and writes of workflow_executions: by _id, when a run is created and each time it
// leaves a worker (see models/WorkflowExecution.ts).
import type { RunState } from "@/lib/engine/state";
import { WorkflowExecution, type ExecutionDoc } from "@/models/WorkflowExecution";
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
  try {
    await WorkflowExecution.create({
      _id: runId,
      workflowId: meta.workflowId,
      workflowName: meta.workflowName,
      version: meta.version,
      graphId: meta.graphId,
      status: state.status,
      state: storedState(state),
      seq: events.length === 0 ? 0 : events[events.length - 1].seq,
      pendingEvents: plain(events),
      activeNodes: [...new Set(state.tokens.map((t) => t.nodeId))],
      trigger: meta.trigger,
      input: valueToText(state.data.input) ?? null,
      parentExecutionId: meta.parentExecutionId,
      parentStepId: meta.parentStepId,
      parentAttempt: meta.parentAttempt,
      depth: meta.depth,
      concurrency: meta.concurrency,
    });
    return "created";
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return "exists";
    throw error;
  }
}

export async function loadExecution(runId: string): Promise<ExecutionDoc | null> {
  return WorkflowExecution.findById(runId).lean<ExecutionDoc>();
}

export function stateOf(doc: ExecutionDoc): RunState {
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
    },
    concurrency: doc.concurrency ?? 0,
  };
}

const ms = (d: Date | null | undefined) => (d ? new Date(d).getTime() : undefined);

/** The execution's history entries. */
export function historyOf(doc: Pick<ExecutionDoc, "executionHistory">): HistoryEntry[] {
  return (doc.executionHistory ?? []) as unknown as HistoryEntry[];
}

/** Events the execution holds that are not yet in event_logs (a run no worker has taken yet). */
export function pendingEventsOf(doc: Pick<ExecutionDoc, "pendingEvents">): StoredEvent[] {
  return (doc.pendingEvents ?? []) as unknown as StoredEvent[];
}

/** The runtime's bookkeeping as stored on the execution (for a run a worker takes up again). */
export function bookOf(doc: ExecutionDoc): RunBook {
  const book = emptyBook();
  Object.assign(book.metrics, doc.metrics ?? {});
  book.history = historyOf(doc);
  book.aiUsage = (doc.aiUsage ?? []).map((r) => ({ provider: r.provider ?? "", model: r.model ?? "", calls: r.calls ?? 0, inputTokens: r.inputTokens ?? 0, outputTokens: r.outputTokens ?? 0, cost: r.cost ?? 0 }));
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
  await WorkflowExecution.updateOne(
    { _id: runId },
    {
      $set: {
        status: state.status,
        state: storedState(state),
        seq,
        stateVersion,
        pendingEvents: [],
        activeNodes: [...new Set(state.tokens.map((t) => t.nodeId))],
        waiting,
        wakeAt: date(state.wakeAt),
        output: valueToText(state.output?.value) ?? null,
        error,
        startedAt: date(state.startedAt),
        endedAt: date(state.endedAt),
        metrics: book.metrics,
        executionHistory: plain(book.history),
        aiUsage: book.aiUsage,
        humanInteractions: book.humanInteractions.map((h) => ({ ...h, at: new Date(h.at) })),
      },
    },
  );
}
