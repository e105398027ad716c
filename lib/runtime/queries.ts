import "server-only";
// Reads for the run pages: one run, a workflow's runs, a run's events. Each checks
// "workflow:view" on the run's workflow through can(); a missing run and a forbidden one both
// read as null (the page shows 404).
import { PermissionError } from "@/lib/auth/errors";
import { can, type Actor } from "@/lib/auth/roles";
import { isTerminal, type RunState, type RunStatus } from "@/lib/engine/state";
import { aclOf } from "@/lib/workflows/access";
import { authorizedWorkflow, graphOf as draftGraphOf, iso } from "@/lib/workflows/store";
import { namesOf, readPeople } from "@/lib/users/names";
import { addPeople, personName, userIdsIn } from "@/lib/users/people";
import { WorkflowExecution, type ExecutionDoc } from "@/models/WorkflowExecution";
import type { RunBook } from "./book";
import { valueFromText } from "./codec";
import type { RunDetail, RunEventView, RunSummary } from "./contract";
import { addDetails, bookOf, historyOf, stateOf } from "./execution-store";
import { readEvents, runHead, toEventView } from "./follow";
import { getNodeOutputs } from "@/lib/nodes/registry";
import { GraphMissing, loadRunGraph } from "./graphs";
import { readLatest, withHistory } from "./live-store";
import { retryRefusal } from "@/lib/engine/retry-failed";
import { latestRunIds } from "./run-index";
import { startFields, type InputField } from "./run-input";
import { authorizedRun } from "./start";

async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof PermissionError) return null;
    throw error;
  }
}

const isoOrNull = (t: Date | number | null | undefined) => (t == null ? null : new Date(t).toISOString());

type SummaryDoc = Pick<ExecutionDoc, "_id" | "workflowId" | "workflowName" | "version" | "status" | "trigger" | "createdAt" | "startedAt" | "endedAt" | "metrics" | "error">;

function summaryOf(doc: SummaryDoc, names: Record<string, string>, status: RunStatus, state?: RunState): RunSummary {
  const startedAt = state?.startedAt ?? doc.startedAt ?? null;
  const endedAt = state?.endedAt ?? doc.endedAt ?? null;
  const m = doc.metrics;
  return {
    id: doc._id,
    workflowId: String(doc.workflowId),
    workflowName: doc.workflowName ?? "",
    version: doc.version ?? null,
    status,
    trigger: {
      type: doc.trigger?.type ?? "manual",
      byName: doc.trigger?.by ? personName(String(doc.trigger.by), names) : null,
      startedFrom: doc.trigger?.startedFrom?.runId ? { runId: doc.trigger.startedFrom.runId, nodeId: doc.trigger.startedFrom.nodeId ?? "" } : null,
    },
    createdAt: iso(doc.createdAt),
    startedAt: isoOrNull(startedAt),
    endedAt: isoOrNull(endedAt),
    durationMs: startedAt != null && endedAt != null ? new Date(endedAt).getTime() - new Date(startedAt).getTime() : null,
    metrics: { nodeCount: m?.nodeCount ?? 0, aiCalls: m?.aiCalls ?? 0, tokens: m?.tokens ?? 0, cost: m?.cost ?? 0, humanInterventions: m?.humanInterventions ?? 0 },
    error: state?.error?.message ?? doc.error?.message ?? null,
  };
}

async function graphOf(graphId: string): Promise<RunDetail["graph"]> {
  try {
    const graph = await loadRunGraph(graphId);
    return graph.nodes.map((n) => ({
      nodeId: n.id,
      type: n.type,
      label: n.data?.title?.trim() || n.type,
      // Branch names as the designer wrote them, so the timeline says "via “Over budget”", not a handle id.
      outputs: getNodeOutputs(n).map(({ id, label }) => ({ id, label })),
    }));
  } catch (error) {
    if (error instanceof GraphMissing) return [];
    throw error;
  }
}

function stepsOf(book: RunBook): RunDetail["steps"] {
  return book.history.map((h) => ({
    nodeId: h.nodeId,
    stepId: h.stepId,
    attempt: h.attempt,
    status: h.status,
    startedAt: isoOrNull(h.startedAt),
    endedAt: new Date(h.endedAt).toISOString(),
    durationMs: h.durationMs ?? null,
    handle: h.handle ?? null,
    input: valueFromText(h.input),
    output: valueFromText(h.output),
    truncated: Boolean(h.truncated),
    error: h.error ?? null,
    logs: h.logs ?? [],
  }));
}

function prunedOf(mark: ExecutionDoc["pruned"]): RunDetail["pruned"] {
  if (!mark?.at) return null;
  return { at: new Date(mark.at).toISOString(), reason: mark.reason === "count" ? "count" : "age", limit: mark.limit ?? 0 };
}

/** Whether the actor may see the run: the run page asks before it streams, so a hidden run answers a real 404. */
export async function canSeeRun(actor: Actor, runId: string): Promise<boolean> {
  return (await orNull(() => authorizedRun(actor, runId, "workflow:view"))) !== null;
}

export async function getRun(actor: Actor, runId: string): Promise<RunDetail | null> {
  const found = await orNull(() => authorizedRun(actor, runId, "workflow:view"));
  if (!found) return null;
  const { workflow } = found;
  // Read after the access check: the details hold the bulk of the run.
  const doc = await addDetails(found.doc);
  if (!doc) return null;
  const from = doc.stateVersion ?? 0;
  // A pruned run ended long ago: its execution is the whole story (no working copy to prefer).
  const read = doc.pruned ? null : await readLatest(doc._id, from);
  const live = read?.head;
  const state = live?.state ?? stateOf(doc);
  const book = live ? withHistory(live, historyOf(doc), read.added ?? []).book : bookOf(doc);
  const steps = stepsOf(book);
  // One read for every person the page names: who started it and the user ids in its data.
  const ids = addPeople(userIdsIn([state.data.input, state.output?.value, steps.map((st) => [st.input, st.output])]), [doc.trigger?.by ? String(doc.trigger.by) : null]);
  const names = await readPeople(ids);
  const canEdit = can(actor, "workflow:run", aclOf(workflow.permissions)) && workflow.status !== "archived";
  const summary = summaryOf({ ...doc, metrics: book.metrics }, names, state.status, state);
  return {
    ...summary,
    input: state.data.input,
    output: state.output?.value,
    errorDetail: state.error ? { message: state.error.message, ...(state.error.code ? { code: state.error.code } : {}), ...(state.error.nodeId ? { nodeId: state.error.nodeId } : {}) } : null,
    graph: await graphOf(doc.graphId),
    nodes: state.nodes.map((r) => ({ nodeId: r.nodeId, status: r.status, runs: r.runs })),
    waiting: state.tokens
      .filter((t) => t.state === "waiting")
      .map((t) => ({ stepId: t.stepId, nodeId: t.nodeId, reason: t.wait?.reason ?? "", since: new Date(t.wait?.since ?? 0).toISOString(), until: isoOrNull(t.wait?.until) })),
    steps,
    aiUsage: book.aiUsage,
    seq: live?.seq ?? doc.seq ?? 0,
    parentRunId: doc.parentExecutionId ?? null,
    depth: doc.depth ?? 0,
    canCancel: canEdit && !isTerminal(state.status),
    canRerun: canEdit,
    canRetry: canEdit && !doc.parentExecutionId && retryRefusal(state) === null,
    people: names,
    pruned: prunedOf(doc.pruned),
  };
}

const LIST_LIMIT = 100;

export interface RunPage {
  offset: number;
  limit: number;
}

const SUMMARY_FIELDS = { _id: 1, workflowId: 1, workflowName: 1, version: 1, status: 1, trigger: 1, createdAt: 1, startedAt: 1, endedAt: 1, metrics: 1, error: 1 } as const;
/** Exact _id reads in flight at once for one list. */
const READ_PARALLEL = 16;

/** The executions' summaries by exact _id, in the order given; runs no longer stored are left out. */
async function summariesById(ids: string[]): Promise<SummaryDoc[]> {
  const docs: (SummaryDoc | null)[] = new Array(ids.length).fill(null);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(READ_PARALLEL, ids.length) }, async () => {
      while (next < ids.length) {
        const i = next++;
        docs[i] = await WorkflowExecution.findById(ids[i], SUMMARY_FIELDS).lean<SummaryDoc>();
      }
    }),
  );
  return docs.filter((doc): doc is SummaryDoc => doc !== null);
}

/**
 * The workflow's latest runs, newest first, optionally of one status (the caller checked access).
 * Which runs: the run index (run-index.ts), back to the workflow's creation; then each summary by _id.
 */
async function runsOf(workflow: { _id: unknown; createdAt?: Date | string | null }, status?: RunStatus, page: RunPage = { offset: 0, limit: LIST_LIMIT }): Promise<RunSummary[]> {
  const workflowId = String(workflow._id);
  const wanted = page.offset + page.limit;
  // A workflow stored without a creation time (none should be) is looked back on for a year.
  const since = workflow.createdAt ? new Date(workflow.createdAt) : new Date(Date.now() - 366 * 86_400_000);
  const ids = await latestRunIds(workflowId, since, status ? wanted * 5 : wanted);
  const docs = await summariesById(ids);
  // A run a worker holds may be further on than its execution says: its head, by _id, for those only.
  const moving = docs.filter((doc) => !isTerminal(doc.status as RunStatus));
  const live = new Map(await Promise.all(moving.map(async (doc) => [doc._id, ((await runHead(doc._id))?.status ?? doc.status) as RunStatus] as const)));
  const names = await namesOf(docs.map((d) => (d.trigger?.by ? String(d.trigger.by) : null)));
  return docs
    .map((doc) => summaryOf(doc, names, live.get(doc._id) ?? (doc.status as RunStatus)))
    .filter((run) => !status || run.status === status)
    .slice(page.offset, wanted);
}

/**
 * The workflow's latest runs, newest first, optionally of one status; null when the workflow is
 * not visible. Statuses of runs a worker holds come from their working copies, which are newer.
 */
export async function listRuns(actor: Actor, workflowId: string, status?: RunStatus): Promise<RunSummary[] | null> {
  const workflow = await orNull(() => authorizedWorkflow(actor, workflowId, "workflow:view"));
  if (!workflow) return null;
  return runsOf(workflow, status);
}

/**
 * One page of the workflow's runs, newest first (the REST API); `hasMore` says whether a next
 * page exists. Null when the workflow is not visible.
 */
export async function pageRuns(actor: Actor, workflowId: string, page: RunPage & { status?: RunStatus }): Promise<{ runs: RunSummary[]; hasMore: boolean } | null> {
  const workflow = await orNull(() => authorizedWorkflow(actor, workflowId, "workflow:view"));
  if (!workflow) return null;
  const runs = await runsOf(workflow, page.status, { offset: page.offset, limit: page.limit + 1 });
  return { runs: runs.slice(0, page.limit), hasMore: runs.length > page.limit };
}

/** The runs list page: the workflow's name and its latest runs; null when the workflow is not visible. */
export async function listWorkflowRuns(
  actor: Actor,
  workflowId: string,
  status?: RunStatus,
): Promise<{ workflow: { id: string; name: string; publishedVersion: number | null; canRun: boolean; draftFields: InputField[] }; runs: RunSummary[]; limit: number } | null> {
  const workflow = await orNull(() => authorizedWorkflow(actor, workflowId, "workflow:view", { graph: true }));
  if (!workflow) return null;
  const canRun = can(actor, "workflow:run", aclOf(workflow.permissions)) && workflow.status !== "archived";
  return {
    workflow: { id: String(workflow._id), name: workflow.name, publishedVersion: workflow.publishedVersion ?? null, canRun, draftFields: canRun ? startFields(draftGraphOf(workflow)) : [] },
    runs: await runsOf(workflow, status),
    limit: LIST_LIMIT,
  };
}

/** A page of the run's events after `afterSeq`; null when the run is not visible. */
export async function listRunEvents(actor: Actor, runId: string, afterSeq = 0, limit = 500): Promise<RunEventView[] | null> {
  const found = await orNull(() => authorizedRun(actor, runId, "workflow:view"));
  if (!found) return null;
  return (await readEvents(found.doc._id, afterSeq, Math.min(Math.max(limit, 1), 1_000))).map(toEventView);
}
