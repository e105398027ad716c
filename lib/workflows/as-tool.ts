import "server-only";
// Published workflows as tools an AI can call: an agent step's workflow tools (each call is a
// child run of the agent's run, with the rights rules of sub-workflows: lib/runtime/children.ts)
// and the workflows /api/mcp serves to outside assistants (a run started by the API key's owner).
// Both start a run of the published version, wait for it within the caller's time limit and
// answer with its End output.
import type { AgentTool, ToolOutcome, ToolParameters } from "@/lib/ai/agent/tool";
import { slugToolName } from "@/lib/ai/agent/tool-name";
import { loadActor } from "@/lib/auth/actor";
import { PermissionError } from "@/lib/auth/errors";
import { can, type Actor } from "@/lib/auth/roles";
import { isTerminal, type RunStatus } from "@/lib/engine/state";
import { ChildRunRefused, startChildOf } from "@/lib/runtime/children";
import { readRun, requestCancel } from "@/lib/runtime/control";
import { loadRunGraph } from "@/lib/runtime/graphs";
import { newRunId } from "@/lib/runtime/ids";
import { startFields } from "@/lib/runtime/run-input";
import type { RunInfo, RuntimeServices } from "@/lib/runtime/services";
import { startRunFor, type RequestMeta } from "@/lib/runtime/start";
import { waitForRun } from "@/lib/triggers/webhook/wait";
import { Workflow } from "@/models/Workflow";
import { versionId } from "@/models/WorkflowVersion";
import { isValidObjectId } from "mongoose";
import { aclOf } from "./access";
import { META_PROJECTION, type StoredWorkflow } from "./store";
import { toolParametersOf } from "./tool-parameters";

/**
 * Who a workflow tool runs as: the user who started the top-level run, exactly what the runtime
 * gives every step as RunInfo.startedBy (and what sub-workflow steps pass on). null: no one, refused.
 */
export type RunStarter = RunInfo["startedBy"];

/** How a run started as a tool ended, or where it was when the time limit came. */
export type ToolRun =
  | { status: "completed"; runId: string; output: unknown }
  | { status: "failed" | "cancelled"; runId: string; message: string }
  | { status: Exclude<RunStatus, "completed" | "failed" | "cancelled">; runId: string }
  | { status: "refused"; message: string };

/** Longer than any caller's limit: the caller's signal is what ends the wait. */
const WAIT_CEILING_MS = 24 * 60 * 60 * 1_000;

/** Waits for the run to end or the signal to abort. */
export async function awaitToolRun(runId: string, signal: AbortSignal): Promise<ToolRun> {
  const ended = await waitForRun(runId, WAIT_CEILING_MS, signal);
  if (ended?.status === "completed") return { status: "completed", runId, output: ended.output };
  if (ended) return { status: ended.status, runId, message: ended.message };
  const run = await readRun(runId);
  const status = run?.state.status ?? "pending";
  // Ended between the last look and the abort: report the end rather than "still running".
  if (isTerminal(status)) return awaitToolRun(runId, AbortSignal.timeout(1_000));
  return { status: status as Exclude<RunStatus, "completed" | "failed" | "cancelled">, runId };
}

/**
 * A run of the workflow's published version started by `actor` through the API (the same checks
 * as POST /api/v1/workflows/{id}/runs: the right to run it, not archived, published, valid input),
 * waited for until `signal` aborts. Used by /api/mcp; the run keeps going after a time-out.
 */
export async function runWorkflowAsTool(input: {
  actor: Actor;
  workflowId: string;
  args: Record<string, unknown>;
  /** The API key's public id, recorded as the run's trigger.source. */
  keyId: string;
  request?: RequestMeta;
  signal: AbortSignal;
}): Promise<ToolRun> {
  let started;
  try {
    started = await startRunFor(input.actor, { workflowId: input.workflowId, mode: "published", input: input.args }, input.request, { type: "api", source: input.keyId });
  } catch (error) {
    if (error instanceof PermissionError) return { status: "refused", message: error.message };
    throw error;
  }
  if (!started.ok) return { status: "refused", message: started.message };
  return awaitToolRun(started.runId, input.signal);
}

/** The run as the model sees it: the End output, or why there is none. */
export function toolOutcomeOf(run: ToolRun, workflowName: string): ToolOutcome {
  switch (run.status) {
    case "completed":
      return { ok: true, result: run.output ?? null, meta: { runId: run.runId } };
    case "refused":
      return { ok: false, error: run.message };
    case "failed":
    case "cancelled":
      return { ok: false, error: `the workflow "${workflowName}" ${run.status}: ${run.message}`, meta: { runId: run.runId } };
    default:
      return { ok: false, error: `the workflow "${workflowName}" did not finish within the time limit (run ${run.runId} is ${run.status})`, meta: { runId: run.runId, status: run.status } };
  }
}

export interface WorkflowToolTarget {
  id: string;
  name: string;
  description: string;
  parameters: ToolParameters;
}

/** The tool a published workflow becomes; null when it cannot be one (archived, never published). */
export async function toolTargetOf(doc: Pick<StoredWorkflow, "_id" | "name" | "description" | "status" | "publishedVersion">): Promise<WorkflowToolTarget | null> {
  if (doc.status === "archived" || doc.publishedVersion == null) return null;
  const id = String(doc._id);
  const version = await loadRunGraph(versionId(id, doc.publishedVersion));
  const description = doc.description?.trim() || `Runs the workflow "${doc.name}" and answers with its result.`;
  return { id, name: doc.name, description, parameters: toolParametersOf(startFields(version)) };
}

/** The workflow as a tool for a run acting as `actor`; refusals say which workflow and why, without revealing one the starter may not see. */
async function agentTarget(actor: Actor | null, workflowId: string): Promise<WorkflowToolTarget> {
  const missing = `the workflow ${workflowId} chosen as a tool does not exist, or the person who started this run may not run it`;
  if (!isValidObjectId(workflowId)) throw new ChildRunRefused(missing);
  const doc = await Workflow.findById(workflowId, META_PROJECTION).lean<StoredWorkflow>();
  if (!doc || !can(actor, "workflow:run", aclOf(doc.permissions))) throw new ChildRunRefused(missing);
  if (doc.status === "archived") throw new ChildRunRefused(`the workflow "${doc.name}" chosen as a tool is archived`);
  const target = await toolTargetOf(doc);
  if (!target) throw new ChildRunRefused(`the workflow "${doc.name}" chosen as a tool has no published version: publish it first`);
  return target;
}

/**
 * One tool per workflow (in the order given, duplicates once) for an agent step of `parentRunId`.
 * Throws ChildRunRefused (not retryable) naming a workflow the starter may not run, an archived
 * or an unpublished one. Each call starts a child run of the published version (one level deeper
 * than the parent; the rights are checked again at the start) and waits for it within both the
 * call's and the step's signal; a child still running when they abort is cancelled.
 */
export async function workflowTools(input: {
  workflowIds: string[];
  actor: RunStarter;
  parentRunId: string;
  signal: AbortSignal;
  /** The step's services.runs.whileWaiting: the wait for a child lends the worker slot to it. */
  whileWaiting?: RuntimeServices["runs"]["whileWaiting"];
}): Promise<AgentTool[]> {
  const parentRun = await readRun(input.parentRunId);
  // Each call is a child run of the agent's run: none exists when the step is tested alone.
  if (!parentRun) throw new Error("workflow tools run only inside a run (each call is a child run of it), so a step tested alone cannot use them: start a test run of the workflow instead");
  const parent = { runId: input.parentRunId, depth: parentRun.meta.depth, startedBy: input.actor };
  const person = await loadActor(input.actor);
  const taken = new Set<string>();
  const tools: AgentTool[] = [];
  for (const workflowId of [...new Set(input.workflowIds)]) {
    input.signal.throwIfAborted();
    const target = await agentTarget(person, workflowId);
    tools.push({
      name: slugToolName(target.name, taken),
      description: target.description,
      parameters: target.parameters,
      kind: "workflow",
      source: `workflow ${target.name}`,
      async call(args, signal) {
        const both = AbortSignal.any([signal, input.signal]);
        let runId: string;
        try {
          ({ runId } = await startChildOf(parent, { runId: newRunId(), workflowId, input: args, parentStepId: null, parentAttempt: null }));
        } catch (error) {
          if (error instanceof ChildRunRefused) return { ok: false, error: error.message };
          throw error;
        }
        const wait = () => awaitToolRun(runId, both);
        const run = await (input.whileWaiting ? input.whileWaiting(wait) : wait());
        if (run.status === "pending" || run.status === "running" || run.status === "paused") {
          await requestCancel(runId, { reason: "the agent step that called it stopped waiting" });
        }
        return toolOutcomeOf(run, target.name);
      },
    });
  }
  return tools;
}
