// Child runs: a subprocess step starts another workflow's published version as a child run
// (services.runs.startChild), and the child's end answers the parent's waiting step. Cancelling
// or failing a parent cancels the children its interrupted steps were waiting for.
import { BUDGET_WAIT_REASON } from "@/lib/ai/budget/wait";
import { isValidObjectId } from "mongoose";
import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { idempotencyKey } from "@/lib/engine/run-step";
import type { RunState } from "@/lib/engine/state";
import { aclOf } from "@/lib/workflows/access";
import { WITHOUT_GRAPH } from "@/models/graph-codec";
import { Workflow } from "@/models/Workflow";
import { versionId } from "@/models/WorkflowVersion";
import type { CancelledWait } from "./book";
import { requestCancel, resumeRunFromTask } from "./control";
import { enqueueRun } from "./enqueue";
import { loadRunGraph } from "./graphs";
import { childRunId } from "./ids";
import type { Answer } from "./messages";
import type { RunMeta } from "./meta";
import { checkRunInput, startFields } from "./run-input";
import type { ChildRunRequest } from "./services";
import type { ServiceProviders } from "./step-services";

export const MAX_DEPTH = 10;

/** A child run that cannot start; retrying the step would not help (the subprocess executor should not retry it). */
export class ChildRunRefused extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = "ChildRunRefused";
  }
}

export interface ParentRun {
  runId: string;
  depth: number;
  startedBy: string | null;
}

/**
 * Whether the starter of the parent run may run the child workflow: a run acts with the rights
 * of whoever started it, through every path (DESIGN.md, "Security stance"). A run started by no
 * one (null) is refused: every trigger acts as a user.
 */
async function mayRun(userId: string | null, permissions: Parameters<typeof aclOf>[0]): Promise<boolean> {
  return can(await loadActor(userId), "workflow:run", aclOf(permissions));
}

/** Starts (or, for a replayed step, finds) the child run. Throws ChildRunRefused with a clear message. */
export async function startChildRun(parent: ParentRun, request: ChildRunRequest): Promise<{ runId: string }> {
  const attempt = Number(request.idempotencyKey.split(":").pop());
  return startChildOf(parent, {
    runId: childRunId(request.idempotencyKey),
    workflowId: request.workflowId,
    input: request.input,
    parentStepId: request.parentStepId,
    parentAttempt: Number.isInteger(attempt) ? attempt : null,
  });
}

export interface ChildStart {
  runId: string;
  workflowId: string;
  input: unknown;
  /** The step that waits for the child's end; null when nothing waits (a workflow an agent calls as a tool waits itself). */
  parentStepId: string | null;
  parentAttempt: number | null;
}

/**
 * The checks every child run passes, whoever starts it (a sub-workflow step, an agent's workflow
 * tool): depth, the parent starter's right to run the child, a published version, the input.
 */
export async function startChildOf(parent: ParentRun, child: ChildStart): Promise<{ runId: string; workflowName: string }> {
  const depth = parent.depth + 1;
  if (depth > MAX_DEPTH) throw new ChildRunRefused(`sub-workflows can be nested at most ${MAX_DEPTH} deep, and this run is already ${parent.depth} deep`);
  const missing = `the sub-workflow ${child.workflowId} does not exist, or the person who started this run may not run it`;
  if (!isValidObjectId(child.workflowId)) throw new ChildRunRefused(missing);
  const workflow = await Workflow.findById(child.workflowId, { ...WITHOUT_GRAPH, versions: 0 }).lean();
  if (!workflow || !(await mayRun(parent.startedBy, workflow.permissions))) throw new ChildRunRefused(missing);
  if (workflow.publishedVersion == null) throw new ChildRunRefused(`the sub-workflow "${workflow.name}" has no published version: publish it first`);
  const graphId = versionId(child.workflowId, workflow.publishedVersion);
  const version = await loadRunGraph(graphId);
  const input = checkRunInput(startFields(version), child.input);
  if (!input.ok) throw new ChildRunRefused(`the input for "${workflow.name}" was refused: ${input.message}`);
  const started = await enqueueRun({
    runId: child.runId,
    meta: {
      workflowId: child.workflowId,
      workflowName: workflow.name,
      version: workflow.publishedVersion,
      graphId,
      depth,
      parentExecutionId: parent.runId,
      parentStepId: child.parentStepId,
      parentAttempt: child.parentAttempt,
      trigger: { type: "subprocess", by: parent.startedBy },
    },
    version,
    input: input.input,
  });
  if (!started.ok) throw new ChildRunRefused(`the sub-workflow "${workflow.name}" cannot run: ${started.message}`);
  return { runId: started.runId, workflowName: workflow.name };
}

/** Answers the parent's waiting step with the child's output, or its failure. */
export async function notifyParent(runId: string, meta: RunMeta, state: RunState): Promise<void> {
  if (!meta.parentExecutionId || !meta.parentStepId) return;
  const details = { childRunId: runId };
  const result: Answer =
    state.status === "completed"
      ? { kind: "ok", output: state.output?.value }
      : state.status === "failed"
        ? { kind: "error", retryable: false, error: { message: `the sub-workflow run failed: ${state.error?.message ?? "unknown error"}`, code: "child_failed", details } }
        : { kind: "error", retryable: false, error: { message: "the sub-workflow run was cancelled", code: "child_cancelled", details } };
  // A refusal (the parent ended, or does not wait for this child) leaves nothing to do.
  await resumeRunFromTask(meta.parentExecutionId, meta.parentStepId, result, { reason: "subprocess", ...(meta.parentAttempt !== null ? { attempt: meta.parentAttempt } : {}) });
}

/** Cancels what the run's interrupted waits were waiting for: child runs, and human tasks through the tasks service. */
export async function cancelWaits(runId: string, waits: readonly CancelledWait[], providers: ServiceProviders): Promise<void> {
  for (const w of waits) {
    if (w.reason === "subprocess") {
      await requestCancel(childRunId(idempotencyKey({ runId, stepId: w.stepId, attempt: w.attempt })), { reason: "its parent run stopped" });
    } else if (w.reason === "human" || w.reason === BUDGET_WAIT_REASON) {
      await providers.tasks?.cancelForStep?.({ runId, stepId: w.stepId, attempt: w.attempt, reason: "the run stopped" });
    }
  }
}
