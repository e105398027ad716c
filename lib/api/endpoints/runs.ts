import "server-only";
// Starting, reading, listing and cancelling runs through the services the run pages use
// (lib/runtime/start.ts, lib/runtime/queries.ts), so a key may do exactly what its owner may.
import type { z } from "zod";
import { can } from "@/lib/auth/roles";
import type { RunDetail, RunSummary } from "@/lib/runtime/contract";
import { getRun, pageRuns } from "@/lib/runtime/queries";
import { cancelFor, startRunFor } from "@/lib/runtime/start";
import { aclOf } from "@/lib/workflows/access";
import { ARCHIVED } from "@/lib/workflows/store";
import { endpoint } from "../endpoint";
import { ApiError, fieldDetails } from "../errors";
import { listRunsQuery, runCancelled, runDetail, runList, runParams, runStarted, runSummary, startRunBody, workflowParams } from "../schemas";
import { visibleRun, visibleWorkflow } from "../visible";

/** How long a cancel waits for the run to stop before answering "cancelling". */
const CANCEL_WAIT_MS = 2_000;

function summaryOf(run: RunSummary): z.infer<typeof runSummary> {
  const { id, workflowId, workflowName, version, status, trigger, createdAt, startedAt, endedAt, durationMs, error } = run;
  return { id, workflowId, workflowName, version, status, trigger, createdAt, startedAt, endedAt, durationMs, error };
}

function detailOf(run: RunDetail): z.infer<typeof runDetail> {
  const labels = new Map(run.graph.map((n) => [n.nodeId, n.label]));
  const label = (nodeId: string) => labels.get(nodeId) ?? nodeId;
  return {
    ...summaryOf(run),
    input: run.input,
    output: run.output ?? null,
    errorDetail: run.errorDetail,
    steps: run.steps.map((s) => ({ nodeId: s.nodeId, label: label(s.nodeId), attempt: s.attempt, status: s.status, startedAt: s.startedAt, endedAt: s.endedAt, durationMs: s.durationMs, error: s.error })),
    waiting: run.waiting.map((w) => ({ nodeId: w.nodeId, label: label(w.nodeId), reason: w.reason, since: w.since, until: w.until })),
    pruned: run.pruned,
  };
}

export const startRunEndpoint = endpoint({
  method: "POST",
  path: "/workflows/{id}/runs",
  operationId: "startRun",
  tag: "Runs",
  summary: "Start a run",
  description:
    "Starts a run of the published version, or with `mode: \"test\"` of a snapshot of the current draft. Needs the right to run the workflow (its owners and editors, and admins). The input is checked against the Start node's fields like the Run dialog does. The run is recorded as started by the key's owner through the API (trigger.type `api`, trigger.source the key's id).",
  permission: "workflows:view",
  params: workflowParams,
  body: startRunBody,
  bodyExample: { mode: "published", input: { employee: "sam@example.com", amount: 42.5 } },
  status: 201,
  response: runStarted,
  errors: ["not_found", "conflict", "invalid_request", "unsupported_media_type", "payload_too_large", "validation_failed"],
  async handle({ actor, keyId, params, body, meta }) {
    const workflow = await visibleWorkflow(actor, params.id);
    if (!can(actor, "workflow:run", aclOf(workflow.permissions))) {
      throw new ApiError("forbidden", "The key's owner can view this workflow but not run it. Ask one of its owners to make them an editor.");
    }
    if (workflow.status === "archived") throw new ApiError("conflict", ARCHIVED);
    if (body.mode === "published" && workflow.publishedVersion == null) {
      throw new ApiError("conflict", "This workflow has no published version yet. Publish it, or start a test run of the draft with mode \"test\".");
    }
    const started = await startRunFor(actor, { workflowId: params.id, mode: body.mode, input: body.input }, meta, { type: "api", source: keyId });
    if (!started.ok) {
      if (started.problems?.length) throw new ApiError("conflict", started.message, { problems: started.problems });
      throw new ApiError("validation_failed", started.message, started.errors ? fieldDetails(started.errors, "input") : undefined);
    }
    return { runId: started.runId, status: "pending" as const, mode: body.mode, message: started.message, links: { run: `/api/v1/runs/${started.runId}` } };
  },
});

export const listRunsEndpoint = endpoint({
  method: "GET",
  path: "/workflows/{id}/runs",
  operationId: "listRuns",
  tag: "Runs",
  summary: "List a workflow's runs",
  description: "The workflow's runs, newest first, a page at a time (`limit`, `offset`; `hasMore` says whether another page exists).",
  permission: "workflows:view",
  params: workflowParams,
  query: listRunsQuery,
  response: runList,
  errors: ["not_found", "invalid_request"],
  async handle({ actor, params, query }) {
    const page = await pageRuns(actor, params.id, query);
    if (!page) throw new ApiError("not_found", "This workflow does not exist, or it is not shared with you.");
    return { runs: page.runs.map(summaryOf), offset: query.offset, limit: query.limit, hasMore: page.hasMore };
  },
});

export const getRunEndpoint = endpoint({
  method: "GET",
  path: "/runs/{id}",
  operationId: "getRun",
  tag: "Runs",
  summary: "Get a run",
  description: "A run's status, input, output, error, the steps it ran (status, duration, error) and the steps it waits on.",
  permission: "workflows:view",
  params: runParams,
  response: runDetail,
  errors: ["not_found"],
  async handle({ actor, params }) {
    const run = await getRun(actor, params.id);
    if (!run) throw new ApiError("not_found", "This run does not exist, or its workflow is not shared with you.");
    return detailOf(run);
  },
});

export const cancelRunEndpoint = endpoint({
  method: "POST",
  path: "/runs/{id}/cancel",
  operationId: "cancelRun",
  tag: "Runs",
  summary: "Cancel a run",
  description: `Asks the run to stop and waits up to ${CANCEL_WAIT_MS / 1000} s for it: status is then cancelled (or running while a worker has yet to pick the request up). A run that has ended answers 409. Needs the right to run the workflow.`,
  permission: "workflows:view",
  params: runParams,
  response: runCancelled,
  errors: ["not_found", "conflict"],
  async handle({ actor, params, meta }) {
    await visibleRun(actor, params.id);
    const result = await cancelFor(actor, params.id, meta, CANCEL_WAIT_MS);
    if (!result.ok) throw new ApiError("conflict", result.message);
    return { runId: params.id, status: result.status ?? "running", message: result.message };
  },
});
