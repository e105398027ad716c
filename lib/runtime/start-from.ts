import "server-only";
// "Run from here" (issue 13): a test run of the current draft that starts at a chosen node with
// the data it had in a past run. Rights: starting it needs "workflow:run" on the workflow (as
// any test run), and the past run must be one the person may read (getRun's visibility rule).
// The engine builds the first state (lib/engine/start-from.ts); the rest is an ordinary test run.
import { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { startingPointIn, startRunFrom, type PastRun } from "@/lib/engine/start-from";
import { carryVariables } from "@/lib/variables/carry";
import { graphIdSchema } from "@/lib/workflow/schema";
import { fieldErrors } from "@/lib/workflows/refusals";
import { workflowIdSchema } from "@/lib/workflows/schema";
import { ARCHIVED, authorizedWorkflow, graphOf, settingsOf } from "@/lib/workflows/store";
import type { RunActionResult } from "./contract";
import { readRun } from "./control";
import { enqueueRun } from "./enqueue";
import { snapshotDraft } from "./graphs";
import { getRun } from "./queries";
import { RUN_NOT_VISIBLE, refusedStart, runIdSchema, type RequestMeta } from "./start";

export const runFromHereSchema = z.object({
  workflowId: workflowIdSchema,
  fromRunId: runIdSchema,
  nodeId: graphIdSchema,
});

/** The past run as the engine needs it, if the actor may read it and it belongs to the workflow. */
async function pastRun(actor: Actor, workflowId: string, runId: string): Promise<PastRun | null> {
  const run = await getRun(actor, runId);
  if (!run || run.workflowId !== workflowId) return null;
  const live = await readRun(runId);
  return {
    runId,
    input: run.input,
    variables: live?.state.data.variables ?? [],
    steps: run.steps.map((s) => ({
      nodeId: s.nodeId,
      stepId: s.stepId,
      status: s.status,
      ...(s.truncated ? {} : { input: { value: s.input }, output: { value: s.output } }),
    })),
  };
}

export async function runFromHereFor(actor: Actor, raw: unknown, request: RequestMeta = {}): Promise<RunActionResult> {
  const parsed = runFromHereSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, errors: fieldErrors(parsed.error) };
  const { workflowId, fromRunId, nodeId } = parsed.data;
  const workflow = await authorizedWorkflow(actor, workflowId, "workflow:run", { graph: true });
  if (workflow.status === "archived") return { ok: false, message: ARCHIVED };
  const past = await pastRun(actor, workflowId, fromRunId);
  if (!past) return { ok: false, message: RUN_NOT_VISIBLE };
  const found = startingPointIn(past, nodeId);
  if (!found.ok) return { ok: false, message: found.message };

  const draft = snapshotDraft(workflowId, graphOf(workflow), settingsOf(workflow.settings));
  const started = await enqueueRun({
    meta: {
      workflowId,
      workflowName: workflow.name,
      version: null,
      graphId: draft.graphId,
      depth: 0,
      parentExecutionId: null,
      parentStepId: null,
      parentAttempt: null,
      trigger: { type: "test", by: actor.id, ipAddress: request.ipAddress ?? null, userAgent: request.userAgent ?? null, source: null, startedFrom: { runId: fromRunId, nodeId } },
    },
    version: draft.version,
    input: past.input,
    // The past run's variables, with secret placeholders made again for the new run.
    start: (runId, variables, now) => startRunFrom(draft.version, { ...found.point, variables: carryVariables(found.point.variables, variables) }, now, { runId }),
    beforeInsert: draft.store,
  });
  if (!started.ok) return refusedStart(started);
  return { ok: true, runId: started.runId, message: "Test run started from this step." };
}
