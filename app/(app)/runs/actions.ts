"use server";
// Server actions for runs: start (test run of the draft, or a run of the published version),
// cancel, re-run, retry a failed run from the step that failed. Each validates its input with zod and authorizes through can() with the
// workflow's access list (lib/runtime/start.ts); refusals come back as results, never thrown.

import { guardAction, type ActionRefusal, type RequestMeta } from "@/lib/auth/action-guard";
import { estimateRunFor, type EstimateResult } from "@/lib/ai/budget/run-estimate";
import type { CurrentUser } from "@/lib/auth/session";
import type { ControlActionResult, RunActionResult, StartRunInput } from "@/lib/runtime/contract";
import { retryFor } from "@/lib/runtime/retry";
import { cancelFor, rerunFor, startRunFor } from "@/lib/runtime/start";
import { runFromHereFor } from "@/lib/runtime/start-from";

function guarded<T>(run: (actor: CurrentUser, request: RequestMeta) => Promise<T>) {
  return guardAction("workflows:view", run, "runs");
}

export async function startRunAction(input: StartRunInput): Promise<RunActionResult> {
  return guarded((actor, request) => startRunFor(actor, input, request));
}

export async function cancelRunAction(runId: string): Promise<ControlActionResult> {
  return guarded((actor, request) => cancelFor(actor, runId, request));
}

export async function rerunAction(runId: string): Promise<RunActionResult> {
  return guarded((actor, request) => rerunFor(actor, runId, request));
}

/** Continues a failed run from the step that failed (the same run; what succeeded before is kept). */
export async function retryRunAction(runId: string): Promise<ControlActionResult> {
  return guarded((actor, request) => retryFor(actor, runId, request));
}

/** The Run dialog's AI cost estimate (needs "workflow:run" on the workflow, checked by the service). */
export async function estimateRunCostAction(input: unknown): Promise<EstimateResult | ActionRefusal> {
  return guarded((actor) => estimateRunFor(actor, input));
}

/** "Run from here": a test run of the current draft starting at a node with the data it had in a past run. */
export async function runFromHereAction(input: { workflowId: string; fromRunId: string; nodeId: string }): Promise<RunActionResult> {
  return guarded((actor, request) => runFromHereFor(actor, input, request));
}
