// The persisted state of one run: plain JSON that lives in one MongoDB document. Its own
// structure never puts an array directly inside an array and never uses user data as an
// object key (lists of { nodeId, ... } and { name, value } instead). User values (the run
// input, variables, outputs, materialized inputs) are opaque JSON and may break those rules
// themselves: the runtime stores them encoded (see lib/engine/storage.ts).
import type { EngineEvent } from "./events";

export const RUN_STATE_SCHEMA = 1;

export type RunStatus = "pending" | "running" | "paused" | "completed" | "failed" | "cancelled";

export const TERMINAL_STATUSES: readonly RunStatus[] = ["completed", "failed", "cancelled"];

export function isTerminal(status: RunStatus): boolean {
  return status === "completed" || status === "failed" || status === "cancelled";
}

/** What went wrong in a step or a run. Messages name the node and, for expressions, the expression. */
export interface StepError {
  message: string;
  /** Machine-readable: "node_timeout", "workflow_timeout", "step_limit", "expression", a JSONata code… */
  code?: string;
  nodeId?: string;
  /** The expression that failed, and where it sits in the node's config ("branches.0.condition"). */
  expression?: string;
  path?: string;
  /** Character offset inside the expression, when known. */
  position?: number;
  /** Anything else an executor wants the run page to show (HTTP status, response excerpt). */
  details?: unknown;
}

export interface RunError extends StepError {
  stepId?: string;
  /** Every node involved, e.g. the nodes of a runaway loop. */
  nodeIds?: string[];
}

/** Limits resolved from the workflow settings when the run starts, so later calls need only the graph. */
export interface RunLimits {
  maxSteps: number;
  maxRetries: number;
  /** Whole-run limit in ms; 0 means none. */
  timeoutMs: number;
}

/** A value wrapped so that "present but undefined" survives JSON. */
export interface Boxed {
  value?: unknown;
}

export type TokenState = "ready" | "running" | "waiting";

/** Where a token came from: the edge it travelled and the step that sent it. */
export interface Arrival {
  nodeId: string;
  stepId: string;
  edgeId: string;
  handle: string;
}

export interface TokenWait {
  /** "human", "timer", "subprocess" or anything an executor chooses. */
  reason: string;
  since: number;
  /** When set, the step completes by itself at this time (ms since epoch). */
  until?: number;
  /** The output and handle taken when `until` is reached; the step's input and default handle otherwise. */
  output?: Boxed;
  handle?: string;
}

/**
 * One activation of a node: something that will run, is running or is waiting. Its stepId is
 * stable for the whole life of the activation, across retries and crash replays.
 */
export interface Token {
  stepId: string;
  nodeId: string;
  /** 1 for the first try, 2 for the first retry… */
  attempt: number;
  state: TokenState;
  createdAt: number;
  /** Not to run before this time (retry backoff). */
  readyAt?: number;
  startedAt?: number;
  /** Node time limit: the step fails with node_timeout if still running at this time. */
  deadline?: number;
  from?: Arrival;
  /**
   * The step's input when it had to be copied: for the start node (the run input is not copied),
   * for joins (the arrivals) and when the sender ran again before this token did. Otherwise the
   * input is the sender's latest output in data.outputs, so a 200-way split stores no copies.
   */
  input?: Boxed;
  wait?: TokenWait;
  /** The previous attempt's error, shown to the executor and the run page on a retry. */
  lastError?: StepError;
  /**
   * Times this attempt was begun again after its worker stopped (died or lost the run) before
   * recording a result: counted in the state, so the count survives the crashes it counts.
   */
  replays?: number;
}

export interface JoinArrival extends Arrival {
  at: number;
  /** Copied when the sender ran again before the join fired (see Token.input). */
  output?: Boxed;
}

/** Arrivals collected by a join node; one activation per wave of branches. */
export interface JoinActivation {
  nodeId: string;
  activation: number;
  openedAt: number;
  arrivals: JoinArrival[];
}

export type NodeStatus = "ready" | "running" | "waiting" | "retrying" | "succeeded" | "failed" | "skipped" | "cancelled";

/** The history summary the core needs for its decisions and the canvas needs for node states. */
export interface NodeRecord {
  nodeId: string;
  /** Tokens created for this node; the n in its step ids "nodeId#n". */
  activations: number;
  /** Steps of this node that finished (completed, or failed without a retry). */
  runs: number;
  status: NodeStatus;
  lastStepId?: string;
}

export interface Variable {
  name: string;
  value?: unknown;
}

export interface NodeOutput {
  nodeId: string;
  /** The step that produced it: the latest one of the node. */
  stepId: string;
  output?: unknown;
}

export interface StoppedFrontier {
  /** The token of the step whose failure ended the run, as it was when it failed. */
  failed?: Token;
  /** Tokens the failure stopped, as they were. */
  tokens: Token[];
  joins: JoinActivation[];
}

export interface RunData {
  input?: unknown;
  variables: Variable[];
  outputs: NodeOutput[];
}

export interface RunState {
  schema: typeof RUN_STATE_SCHEMA;
  runId: string;
  status: RunStatus;
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
  limits: RunLimits;
  /** Workflow time limit as a moment; set when the first step begins. */
  deadline?: number;
  /** Step executions so far (each attempt counts): the loop guard compares it with limits.maxSteps. */
  stepCount: number;
  tokens: Token[];
  joins: JoinActivation[];
  data: RunData;
  nodes: NodeRecord[];
  /** The output of the last End node reached: the run's result. */
  output?: { nodeId: string; value?: unknown };
  error?: RunError;
  /**
   * What was live when the run failed (the failed step's token and the steps and joins the
   * failure stopped), so retryFailedRun can put the run back where it was. Only on failed runs.
   */
  stopped?: StoppedFrontier;
  /** How many times the run was retried after failing. */
  retries?: number;
  /** The earliest moment the run needs attention without outside help: retry, timer, timeout. */
  wakeAt?: number;
}

/** What every state-changing call returns. */
export interface Transition {
  state: RunState;
  events: EngineEvent[];
  schedule: {
    /** Same as state.wakeAt. */
    wakeAt?: number;
    /** Set when this call scheduled a retry. */
    retryAt?: number;
  };
  /** Set when the call changed nothing, saying why; state is then the state passed in. */
  ignored?: string;
}

/** A step's input: the copy on the token, the run input for a start token, else the sender's latest output. */
export function tokenInput(state: RunState, token: Token): unknown {
  if (token.input) return token.input.value;
  if (!token.from) return state.data.input;
  return findOutput(state, token.from.nodeId)?.output;
}

export function findOutput(state: RunState, nodeId: string): NodeOutput | undefined {
  return state.data.outputs.find((o) => o.nodeId === nodeId);
}

export function findToken(state: RunState, stepId: string): Token | undefined {
  return state.tokens.find((t) => t.stepId === stepId);
}

export function findNodeRecord(state: RunState, nodeId: string): NodeRecord | undefined {
  return state.nodes.find((r) => r.nodeId === nodeId);
}

export function variablesObject(state: RunState): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const v of state.data.variables) vars[v.name] = v.value;
  return vars;
}

export function outputsObject(state: RunState): Record<string, unknown> {
  const nodes: Record<string, unknown> = {};
  for (const o of state.data.outputs) nodes[o.nodeId] = o.output;
  return nodes;
}

/** The step id of a node's n-th activation. Node ids never contain "#" (lib/workflow/schema.ts). */
export function stepIdFor(nodeId: string, activation: number): string {
  return `${nodeId}#${activation}`;
}
