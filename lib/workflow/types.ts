// The graph stored in a workflow document and in each immutable workflow version.
// Pure types shared by the canvas, the validator, the engine core and the models.

export interface XY {
  x: number;
  y: number;
}

export interface WorkflowNode<Config = Record<string, unknown>> {
  id: string;
  /** A key of the node registry (lib/nodes/registry.ts), e.g. "decision". */
  type: string;
  position: XY;
  /** suggested: drafted by AI and not yet reviewed (edited, moved or confirmed) by a designer. */
  data: { title: string; config: Config; suggested?: boolean; pinned?: PinnedOutput };
}

/**
 * A step output pinned on a draft node (issue 13): test runs of the draft take it instead of
 * running the node's executor; published versions never carry one (stripped at publish).
 */
export interface PinnedOutput {
  /** The user's payload: any JSON. */
  output?: unknown;
  /** The output the step left by (a decision branch, approve/reject); its default output when absent. */
  handle?: string;
  /** ISO date-time. */
  pinnedAt: string;
  /** The user id of who pinned it. */
  pinnedBy: string;
  /** The run the output was taken from, when it came from one (not from a step test). */
  fromRunId?: string;
}

export interface WorkflowEdge {
  id: string;
  source: string;
  target: string;
  /** Which output of the source node; undefined means its single default output. */
  sourceHandle?: string;
  label?: string;
  /** A read-only copy of the branch condition, for showing on the edge. */
  condition?: string;
}

export interface WorkflowSettings {
  /** Whole-run time limit in seconds; 0 means none. */
  timeout: number;
  maxRetries: number;
  /** How many runs of this workflow may be running at once; 0 means no limit. */
  concurrency: number;
  /** Steps one run may take before it fails as a runaway loop. */
  maxSteps: number;
  notifyOnFailure: boolean;
  notifyOnSuccess: boolean;
  /** A step whose worker stopped (died or lost the run) this many times in a row fails instead of running again (default 3). */
  poisonAfter?: number;
  /** AI spend limits in US dollars (lib/ai/budget): none when absent. */
  budget?: WorkflowBudget;
}

export interface WorkflowBudget {
  /** A run that would spend more pauses for an owner's approval of the extra. */
  perRunUsd?: number;
  /** Once the workflow's runs spent this today (UTC), new runs are refused until tomorrow. */
  perDayUsd?: number;
}

export interface WorkflowGraph {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}
