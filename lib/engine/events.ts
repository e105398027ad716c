// What the core reports while a run moves. The runtime gives each event the run's next seq and
// stores it in event_logs as { type, nodeId, data: the other fields }; the canvas and the run
// page are built from them. `at` is the `now` the core was called with.
import type { RunError, StepError, TokenState } from "./state";

interface StepRef {
  at: number;
  nodeId: string;
  stepId: string;
  attempt: number;
}

export type EngineEvent =
  | { type: "workflow_start"; at: number; input?: unknown }
  /** replay: the step was begun before and is run again (a crash replay, at least once). */
  | ({ type: "node_start"; replay?: boolean } & StepRef)
  | ({
      type: "node_complete";
      /** The output taken; undefined for a node without outputs (end). */
      handle?: string;
      output?: unknown;
      durationMs?: number;
      /** Nodes that received a token or a join arrival from this step. */
      next: string[];
    } & StepRef)
  | ({
      type: "node_error";
      error: StepError;
      /** retry: runs again at retryAt; error_output: the error output takes the run on; fail: the run fails. */
      outcome: "retry" | "error_output" | "fail";
      retryAt?: number;
      durationMs?: number;
      next: string[];
    } & StepRef)
  | ({ type: "node_waiting"; reason: string } & StepRef)
  | ({ type: "timer_set"; reason: string; wakeAt: number } & StepRef)
  | { type: "join_waiting"; at: number; nodeId: string; activation: number; arrived: number; expected: number }
  /** Nodes that have not run and no longer can (branches not taken, or the run ended without them). */
  | { type: "node_skipped"; at: number; nodeIds: string[] }
  /** A live step stopped by a cancel, a failure elsewhere or a workflow timeout: free what it holds. */
  | ({ type: "node_cancelled"; was: TokenState; waitReason?: string; reason: string } & StepRef)
  | { type: "workflow_complete"; at: number; output?: unknown; endNodeId?: string }
  | { type: "workflow_failed"; at: number; error: RunError }
  | { type: "workflow_cancelled"; at: number; reason: string; by?: string }
  /**
   * A failed run was retried (lib/engine/retry-failed.ts): it runs again from the failed step
   * (nodeId, stepId), and `steps` lists every step put back, with its new attempt.
   */
  | {
      type: "run_retried";
      at: number;
      retry: number;
      nodeId?: string;
      stepId?: string;
      steps: { nodeId: string; stepId: string; attempt: number }[];
      previousError?: string;
      by?: string;
    };

export type EngineEventType = EngineEvent["type"];

/** Narrow an event list to one type, for tests and the runtime. */
export function eventsOfType<T extends EngineEventType>(events: readonly EngineEvent[], type: T): Extract<EngineEvent, { type: T }>[] {
  return events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
}
