// What the run pages, the Run dialog and the run server actions exchange. Pure types.
import type { NodeStatus, RunStatus } from "@/lib/engine/state";

export type RunMode = "test" | "published";

export interface StartRunInput {
  workflowId: string;
  /** test: the current draft; published: the workflow's published version. */
  mode: RunMode;
  input?: unknown;
}

export type RunActionResult =
  | { ok: true; runId: string; message: string }
  | {
      ok: false;
      message: string;
      /** Field errors of the run input, by field name (or of the request, by its key). */
      errors?: Record<string, string[]>;
      /** Why the graph cannot run, when that is the reason. */
      problems?: { code: string; message: string; nodeId?: string; edgeId?: string }[];
    };

export type ControlActionResult = { ok: true; message: string; status?: RunStatus } | { ok: false; message: string };

export interface RunSummary {
  id: string;
  workflowId: string;
  workflowName: string;
  /** null: a test run of the draft. */
  version: number | null;
  status: RunStatus;
  trigger: { type: string; byName: string | null; startedFrom?: { runId: string; nodeId: string } | null };
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  metrics: { nodeCount: number; aiCalls: number; tokens: number; cost: number; humanInterventions: number };
  error: string | null;
}

export interface RunStepView {
  nodeId: string;
  stepId: string;
  attempt: number;
  status: "succeeded" | "failed" | "cancelled";
  startedAt: string | null;
  endedAt: string;
  durationMs: number | null;
  handle: string | null;
  /** Parsed JSON, or a note when it was too large to keep here (the events hold the full value). */
  input: unknown;
  output: unknown;
  truncated: boolean;
  error: { message: string; code?: string } | null;
  logs: string[];
}

export interface RunDetail extends RunSummary {
  input: unknown;
  output: unknown;
  error: string | null;
  errorDetail: { message: string; code?: string; nodeId?: string } | null;
  /** The nodes of the graph the run executes, with their titles (empty when that graph is gone). */
  graph: { nodeId: string; type: string; label: string; outputs: { id: string; label: string }[] }[];
  /** Every node that has a state in this run (the canvas colours them). */
  nodes: { nodeId: string; status: NodeStatus; runs: number }[];
  waiting: { stepId: string; nodeId: string; reason: string; since: string; until: string | null }[];
  steps: RunStepView[];
  aiUsage: { provider: string; model: string; calls: number; inputTokens: number; outputTokens: number; cost: number }[];
  /** The seq of the last event: follow the run's events after it (SSE Last-Event-ID). */
  seq: number;
  parentRunId: string | null;
  depth: number;
  /** What the viewer may do with it. */
  canCancel: boolean;
  canRerun: boolean;
  /** A failed run the viewer may continue from the step that failed (retryRunAction). */
  canRetry: boolean;
  /** Names for the user ids in this run's data (who started it, a human step's `by`): id → name. */
  people: Record<string, string>;
  /** Set when the retention policy removed the run's step data and events (lib/retention). */
  pruned: { at: string; reason: "age" | "count"; limit: number } | null;
}

export interface RunEventView {
  seq: number;
  type: string;
  nodeId: string | null;
  stepId: string | null;
  at: string;
  /** The event's other fields (output, error, next…). */
  data: Record<string, unknown>;
}
