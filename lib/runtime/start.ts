import "server-only";
// Starting, re-running and cancelling runs on behalf of a person. Who may: starting a run (test
// or published) and cancelling or re-running one needs "workflow:run" on the workflow (its
// owners and editors, and admins); watching needs "workflow:view". A run that is missing and
// one the person may not see get the same answer, so ids reveal nothing.
import { isValidObjectId } from "mongoose";
import { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { dayBudgetRefusal } from "@/lib/ai/budget/day-spend";
import { isTerminal } from "@/lib/engine/state";
import { workflowIdSchema } from "@/lib/workflows/schema";
import { fieldErrors, oversize } from "@/lib/workflows/refusals";
import { ARCHIVED, authorizedWorkflow, graphOf, settingsOf } from "@/lib/workflows/store";
import { versionId } from "@/models/WorkflowVersion";
import { valueFromText } from "./codec";
import type { ControlActionResult, RunActionResult } from "./contract";
import { readRun, requestCancel } from "./control";
import { enqueueRun } from "./enqueue";
import { loadExecution } from "./execution-store";
import { loadRunGraph, snapshotDraft } from "./graphs";
import type { RunTrigger } from "./meta";
import { checkRunInput, startFields } from "./run-input";
import type { RunVersion } from "@/lib/engine/interpreter";

export const RUN_NOT_VISIBLE = "This run does not exist, or its workflow is not shared with you.";

export const startRunSchema = z.object({
  workflowId: workflowIdSchema,
  mode: z.enum(["test", "published"], { error: "Choose a test run of the draft or a run of the published version" }),
  input: z.unknown().optional(),
});

export const runIdSchema = z.string({ error: "Run id is required" }).refine((id) => isValidObjectId(id) && /^[a-f0-9]{24}$/.test(id), {
  error: "That is not a run id",
});

/** Where a request came from, for the event log. */
export interface RequestMeta {
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** How the run was started when not by a person pressing Run: the trigger type and its source (a trigger's or an API key's id). */
export interface StartedThrough {
  type: RunTrigger["type"];
  source?: string | null;
  /** A fixed run id (a trigger derives it from its firing), so finishing a start after a crash finds the same run. */
  runId?: string;
}

export async function startRunFor(actor: Actor, raw: unknown, request: RequestMeta = {}, through?: StartedThrough): Promise<RunActionResult> {
  const tooBig = oversize(raw, "The run input");
  if (tooBig) return { ok: false, message: tooBig.message };
  const parsed = startRunSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, errors: fieldErrors(parsed.error) };
  const prepared = await prepareStart(actor, parsed.data.workflowId, parsed.data.mode);
  if (!prepared.ok) return prepared;
  return startPrepared(prepared, parsed.data.input, request, through);
}

/** A workflow checked for starting runs by one person: what every run of a batch shares. */
export interface PreparedStart {
  ok: true;
  actor: Actor;
  workflowId: string;
  workflowName: string;
  /** The published version's number; null for a test run of the draft. */
  number: number | null;
  version: RunVersion;
  draft: ReturnType<typeof snapshotDraft> | null;
}

/**
 * Everything about a start that does not depend on the input: the actor's right to run the
 * workflow (PermissionError otherwise), its state, its day budget and the graph to run. Starting
 * many runs at once (a burst of webhook deliveries) prepares once and starts each with
 * startPrepared.
 */
export async function prepareStart(actor: Actor, workflowId: string, mode: "test" | "published"): Promise<PreparedStart | { ok: false; message: string }> {
  const workflow = await authorizedWorkflow(actor, workflowId, "workflow:run", { graph: mode === "test" });
  if (workflow.status === "archived") return { ok: false, message: ARCHIVED };
  const overBudget = await dayBudgetRefusal(workflow);
  if (overBudget) return { ok: false, message: overBudget };
  if (mode === "published") {
    if (workflow.publishedVersion == null) return { ok: false, message: "This workflow has no published version yet. Publish it, or start a test run of the draft." };
    const version = await loadRunGraph(versionId(workflowId, workflow.publishedVersion));
    return { ok: true, actor, workflowId, workflowName: workflow.name, number: workflow.publishedVersion, version, draft: null };
  }
  const draft = snapshotDraft(workflowId, graphOf(workflow), settingsOf(workflow.settings));
  return { ok: true, actor, workflowId, workflowName: workflow.name, number: null, version: draft.version, draft };
}

/** Checks the input against the Start node's fields and creates the run. The caller has refused an oversized input (oversize). */
export async function startPrepared(prepared: PreparedStart, rawInput: unknown, request: RequestMeta = {}, through?: StartedThrough): Promise<RunActionResult> {
  const { actor, workflowId, number, version, draft } = prepared;
  const input = checkRunInput(startFields(version), rawInput);
  if (!input.ok) return input;
  const started = await enqueueRun({
    ...(through?.runId ? { runId: through.runId } : {}),
    meta: {
      workflowId,
      workflowName: prepared.workflowName,
      version: number,
      graphId: draft ? draft.graphId : versionId(workflowId, number!),
      depth: 0,
      parentExecutionId: null,
      parentStepId: null,
      parentAttempt: null,
      trigger: { type: through?.type ?? (draft ? "test" : "manual"), by: actor.id, ipAddress: request.ipAddress ?? null, userAgent: request.userAgent ?? null, source: through?.source ?? null },
    },
    version,
    input: input.input,
    ...(draft ? { beforeInsert: draft.store } : {}),
  });
  if (!started.ok) return refusedStart(started);
  return { ok: true, runId: started.runId, message: number === null ? "Test run started." : `Run of version ${number} started.` };
}

/** The answer for a run the core refused to start: its message and the problems, as the browser shows them. */
export function refusedStart(started: { message: string; problems: { code: string; message: string; nodeId?: string; edgeId?: string }[] }): RunActionResult {
  const problems = started.problems.map(({ code, message, nodeId, edgeId }) => ({ code, message, ...(nodeId ? { nodeId } : {}), ...(edgeId ? { edgeId } : {}) }));
  return { ok: false, message: started.message, problems };
}

/**
 * The run's execution and workflow if the actor may `permission` the workflow; PermissionError
 * otherwise, with one message for "missing" and "not visible".
 */
export async function authorizedRun(actor: Actor, runId: unknown, permission: "workflow:view" | "workflow:run") {
  const parsed = runIdSchema.safeParse(runId);
  if (!parsed.success) throw new PermissionError(RUN_NOT_VISIBLE);
  const doc = await loadExecution(parsed.data);
  if (!doc) throw new PermissionError(RUN_NOT_VISIBLE);
  let workflow;
  try {
    workflow = await authorizedWorkflow(actor, String(doc.workflowId), "workflow:view");
  } catch {
    throw new PermissionError(RUN_NOT_VISIBLE);
  }
  if (permission === "workflow:run") await authorizedWorkflow(actor, String(doc.workflowId), "workflow:run");
  return { doc, workflow };
}

/** Starts the same workflow again with the same input: a test run uses the current draft, a published run the current published version. */
export async function rerunFor(actor: Actor, runId: unknown, request: RequestMeta = {}): Promise<RunActionResult> {
  const { doc } = await authorizedRun(actor, runId, "workflow:run");
  const mode = doc.version === null ? "test" : "published";
  return startRunFor(actor, { workflowId: String(doc.workflowId), mode, input: valueFromText(doc.input) }, request, { type: "rerun" });
}

/** Asks the run to stop and waits briefly for it to stop; a run that has ended is left unchanged, with a message. */
export async function cancelFor(actor: Actor, runId: unknown, request: RequestMeta = {}, waitMs = 3_000): Promise<ControlActionResult> {
  const { doc } = await authorizedRun(actor, runId, "workflow:run");
  const asked = await requestCancel(doc._id, { by: actor.id, reason: "cancelled by a user", metadata: { userId: actor.id, ...request } });
  if (!asked.ok) return asked;
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const run = await readRun(doc._id);
    if (run && isTerminal(run.state.status)) {
      return run.state.status === "cancelled"
        ? { ok: true, message: "The run was cancelled.", status: "cancelled" }
        : { ok: true, message: `The run ${run.state.status} before the cancel reached it.`, status: run.state.status };
    }
  }
  return { ok: true, message: "Cancelling: the run stops as soon as a worker picks up the request.", status: "running" };
}
