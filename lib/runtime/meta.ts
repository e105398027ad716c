// What a worker needs to know about a run besides its state: which workflow and graph, who
// started it, its parent. Fixed when the run is created.
import type { EventMetadata } from "./event-records";

export interface RunTrigger {
  type: "manual" | "test" | "subprocess" | "schedule" | "webhook" | "api" | "rerun";
  /** The user who started it, when a person did. */
  by: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  /** What started it besides a person: a trigger's id (schedule, webhook) or an API key's id. */
  source?: string | null;
  /** "Run from here": the past run whose data the run started with, and the node it started at. */
  startedFrom?: { runId: string; nodeId: string } | null;
}

export interface RunMeta {
  workflowId: string;
  workflowName: string;
  /** The published version; null for a test run of the draft. */
  version: number | null;
  graphId: string;
  depth: number;
  parentExecutionId: string | null;
  parentStepId: string | null;
  parentAttempt: number | null;
  trigger: RunTrigger;
  /** The workflow's concurrency limit when the run was created. */
  concurrency: number;
}

export function triggerMetadata(trigger: RunTrigger): EventMetadata {
  return { userId: trigger.by, ipAddress: trigger.ipAddress ?? null, userAgent: trigger.userAgent ?? null };
}
