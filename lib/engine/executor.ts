// The contract between the core and the code that runs a node. Types only: the core never
// imports a concrete executor. Executors live in lib/nodes/<type>/executor.ts (server-only);
// the pure node types (start, end, set, decision, parallel, timer) have built-in executors in
// lib/engine/builtins.ts, which the runtime may override.
import type { WorkflowNode } from "@/lib/workflow/types";
import type { EvalScope } from "./expressions";
import type { StepError } from "./state";

/** How a step ended. */
export type StepResult =
  | {
      kind: "ok";
      output?: unknown;
      /** Which output to leave by; the node's single normal output when omitted. */
      handle?: string;
      /** Run variables to set, in order (the set node). */
      variables?: { name: string; value?: unknown }[];
    }
  | {
      kind: "error";
      error: StepError;
      /** false for errors that a retry cannot fix (a bad expression, a 4xx); default true. */
      retryable?: boolean;
      /** Wait at least this long before the retry (an HTTP Retry-After); the backoff applies when longer. */
      retryAfterMs?: number;
    }
  | {
      /**
       * The node waits for the world: a human task, a timer, a child run. The worker is freed;
       * the run continues through resumeWaiting(), or by itself at `until` (see TokenWait).
       */
      kind: "wait";
      reason: string;
      until?: number;
      output?: unknown;
      handle?: string;
    };

/**
 * Services the runtime injects: HTTP, AI providers, human tasks, child runs, notifications,
 * credentials, a logger. The core leaves their shape to the runtime; executors narrow it.
 */
export type ExecutorServices = Record<string, unknown>;

export interface ExecutorContext<Services = ExecutorServices> {
  runId: string;
  /** Stable for this activation of the node across retries and crash replays: "nodeId#n". */
  stepId: string;
  /**
   * `${runId}:${stepId}:${attempt}`: the same when a crashed attempt is replayed, new for a
   * deliberate retry. Send it as Idempotency-Key, use it as the key of a created task or child run.
   */
  idempotencyKey: string;
  attempt: number;
  node: WorkflowNode;
  /** The node's config. It passed its type's schema when the run started: cast it to the type's config. */
  config: Record<string, unknown>;
  /** The step's input (the output of the node before it); also the root `$` of expressions. */
  input: unknown;
  /** The run data expressions see: $input, $vars, $nodes, $run. */
  scope: EvalScope;
  /** The previous attempt's error, on a retry. */
  lastError?: StepError;
  /** The time the step started, from the runtime's clock: use it instead of Date.now(). */
  now: number;
  /** Aborted on cancel, node timeout or lost lease: stop and return (any result is then ignored). */
  signal: AbortSignal;
  services: Services;
  /** Expression helpers bound to this step: errors name the node and the expression. */
  expressions: {
    evaluate(source: string, site?: ExpressionSite): Promise<unknown>;
    render(template: string, site?: ExpressionSite): Promise<string>;
  };
}

/** Where an expression sits, for error messages, and what to see differently. */
export interface ExpressionSite {
  /** Dotted path in the node's config: "branches.0.condition". */
  path?: string;
  /** What it is: "the condition of branch \"Big\"". */
  label?: string;
  /** Replaces $vars (the set node shows later assignments the earlier ones). */
  vars?: Record<string, unknown>;
  /** Replaces the root `$` (an agent's HTTP tool reads the model's arguments as `args`). */
  input?: unknown;
}

/**
 * Runs one node. Must not throw for expected failures (return { kind: "error" }); a throw is
 * turned into a retryable error by runStep. Must be safe to run twice for the same
 * idempotencyKey: a step is run at least once.
 */
export type NodeExecutor<Services = ExecutorServices> = (ctx: ExecutorContext<Services>) => Promise<StepResult>;

/** Executors by node type. */
export type ExecutorMap<Services = ExecutorServices> = Record<string, NodeExecutor<Services> | undefined>;
