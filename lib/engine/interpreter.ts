// The core's public state machine. Every function is pure: it takes the persisted state, the
// workflow version's graph, the input of the moment and `now`, and returns a new state plus
// the events to log. The runtime loop is:
//
//   start:    startRun(version, input, now, { runId })      → insert the pending execution
//   work:     for step of nextSteps(state, graph, now):
//               beginStep(state, graph, step.stepId, now)    → node_start (persist, or batch)
//               result = await runStep(step, executors, …)   (lib/engine/run-step.ts)
//               applyStepResult(state, graph, step, result, now)  → persist state + events
//   outside:  resumeWaiting(…) when a human task, child run or callback answers
//   time:     tick(state, graph, now) when now ≥ state.wakeAt (retries need no tick: the step is
//             returned by nextSteps once now ≥ its readyAt)
//   cancel:   cancelRun(state, graph, now)
import type { WorkflowGraph, WorkflowSettings } from "@/lib/workflow/types";
import { defaultSettings } from "@/lib/workflow/schema";
import { compileGraph, nodeOf, type CompiledGraph } from "./compiled-graph";
import { Draft, unchanged } from "./draft";
import type { StepResult } from "./executor";
import type { EvalScope } from "./expressions";
import { cancelEverything, refresh, settle } from "./lifecycle";
import { begin, complete, fail, wait } from "./outcomes";
import type { Problem } from "./problems";
import {
  RUN_STATE_SCHEMA,
  isTerminal,
  outputsObject,
  tokenInput,
  variablesObject,
  type RunState,
  type StepError,
  type Token,
  type Transition,
} from "./state";
import { isRunnable, validateWorkflow } from "./validate";

/** A workflow version as the core needs it: the graph and its settings. */
export interface RunVersion extends WorkflowGraph {
  settings?: Partial<WorkflowSettings>;
}

/** A step that can run now, with everything its executor needs from the run. */
export interface Step {
  runId: string;
  stepId: string;
  nodeId: string;
  attempt: number;
  type: string;
  /** The node's title in quotes, or its type and id. */
  name: string;
  /** True for node types the core runs itself (lib/engine/builtins.ts). */
  builtin: boolean;
  node: RunVersion["nodes"][number];
  config: Record<string, unknown>;
  input: unknown;
  scope: EvalScope;
  /** The node's time limit: abort the executor after this many ms. */
  timeoutMs?: number;
  lastError?: StepError;
  /** The step was begun before and not finished: it is being run again (at least once). */
  replay: boolean;
}

export type StartOutcome = ({ ok: true } & Transition) | { ok: false; message: string; problems: Problem[] };

/** `variables`: what `$vars` starts with (the runtime passes the global and workflow variables). */
export function startRun(version: RunVersion, input: unknown, now: number, options: { runId: string; variables?: { name: string; value: unknown }[] }): StartOutcome {
  const refused = refusal(version);
  if (refused) return refused;
  const graph = compileGraph(version);
  const draft = new Draft(emptyState(version, options.runId, now, { input, variables: options.variables ? options.variables.map((v) => ({ ...v })) : [], outputs: [] }), graph, now);
  draft.addToken(graph.start!.id);
  return { ok: true, ...settle(draft) };
}

/** The refusal of a graph the validator finds errors in; null when it can run. */
export function refusal(version: RunVersion): Extract<StartOutcome, { ok: false }> | null {
  const problems = validateWorkflow(version);
  if (isRunnable(problems)) return null;
  const errors = problems.filter((p) => p.severity === "error");
  const shown = errors.slice(0, 3).map((p) => p.message);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more problems)` : "";
  return { ok: false, message: `The workflow cannot run: ${shown.join("; ")}${more}`, problems: errors };
}

/** A pending run with no steps yet, its limits taken from the version's settings. */
export function emptyState(version: RunVersion, runId: string, now: number, data: RunState["data"]): RunState {
  const settings = { ...defaultSettings, ...version.settings };
  return {
    schema: RUN_STATE_SCHEMA,
    runId,
    status: "pending",
    createdAt: now,
    limits: { maxSteps: settings.maxSteps, maxRetries: settings.maxRetries, timeoutMs: settings.timeout * 1_000 },
    stepCount: 0,
    tokens: [],
    joins: [],
    data,
    nodes: [],
  };
}

function scopeOf(state: RunState): Omit<EvalScope, "input"> {
  return {
    runInput: state.data.input,
    vars: variablesObject(state),
    nodes: outputsObject(state),
    run: { id: state.runId, ...(state.startedAt !== undefined ? { startedAt: state.startedAt } : {}) },
  };
}

/**
 * Steps that can run now: ready tokens with no retry delay, or whose retry time is ≤ now (a
 * retry is never returned when now is omitted). After taking over a run whose worker died,
 * pass includeStarted to get the steps it had begun and not finished as well.
 */
export function nextSteps(state: RunState, graph: WorkflowGraph, now?: number, options: { includeStarted?: boolean } = {}): Step[] {
  if (isTerminal(state.status)) return [];
  const compiled = compileGraph(graph);
  const due = (t: Token) =>
    (t.state === "ready" && (t.readyAt === undefined || (now !== undefined && t.readyAt <= now))) ||
    (t.state === "running" && options.includeStarted === true);
  const tokens = state.tokens.filter(due);
  if (tokens.length === 0) return [];
  const shared = scopeOf(state);
  return tokens.map((token) => {
    const node = nodeOf(compiled, token.nodeId);
    const input = tokenInput(state, token);
    const step: Step = {
      runId: state.runId,
      stepId: token.stepId,
      nodeId: token.nodeId,
      attempt: token.attempt,
      type: node.type,
      name: node.name,
      builtin: node.builtin,
      node: node.node,
      config: node.config,
      input,
      scope: { ...shared, input },
      replay: token.state === "running",
    };
    if (node.timeoutMs !== undefined) step.timeoutMs = node.timeoutMs;
    if (token.lastError) step.lastError = token.lastError;
    return step;
  });
}

function activeToken(state: RunState, stepId: string, attempt?: number): Token | string {
  if (isTerminal(state.status)) return `The run has already ended (${state.status}); nothing was changed`;
  const token = state.tokens.find((t) => t.stepId === stepId);
  if (!token) return `Step ${stepId} is not active: its result was already recorded, or it was cancelled`;
  if (attempt !== undefined && token.attempt !== attempt) {
    return `Step ${stepId} is on attempt ${token.attempt}; a result for attempt ${attempt} is stale`;
  }
  return token;
}

/** Marks a step as running: emits node_start (and workflow_start for the run's first step). */
export function beginStep(state: RunState, graph: WorkflowGraph, stepId: string, now: number): Transition {
  const token = activeToken(state, stepId);
  if (typeof token === "string") return unchanged(state, token);
  if (token.state === "waiting") return unchanged(state, `Step ${stepId} is waiting (${token.wait?.reason}); it cannot begin`);
  const compiled = compileGraph(graph);
  const draft = new Draft(state, compiled, now);
  begin(draft, nodeOf(compiled, token.nodeId), token);
  return refresh(draft);
}

function record(draft: Draft, compiled: CompiledGraph, token: Token, result: StepResult): void {
  const node = nodeOf(compiled, token.nodeId);
  if (result.kind === "ok") complete(draft, node, token, result);
  else if (result.kind === "error") fail(draft, node, token, result.error, result.retryable !== false, result.retryAfterMs);
  else wait(draft, node, token, result);
}

/**
 * Records a step's result. A result for a step that is no longer active, for an older attempt,
 * or for a run that has ended changes nothing (ignored says why): replays are harmless.
 */
export function applyStepResult(
  state: RunState,
  graph: WorkflowGraph,
  step: { stepId: string; attempt: number },
  result: StepResult,
  now: number,
): Transition {
  const found = activeToken(state, step.stepId, step.attempt);
  if (typeof found === "string") return unchanged(state, found);
  if (found.state === "waiting") return unchanged(state, `Step ${step.stepId} is waiting; answer it with resumeWaiting`);
  const compiled = compileGraph(graph);
  const draft = new Draft(state, compiled, now);
  const token = found.state === "ready" ? begin(draft, nodeOf(compiled, found.nodeId), found) : found;
  draft.state.stepCount += 1;
  record(draft, compiled, token, result);
  return settle(draft);
}

/**
 * Answers a waiting step (human task done, child run ended, callback received). key is the
 * step id, or a node id when exactly one step of that node is waiting.
 */
export function resumeWaiting(
  state: RunState,
  graph: WorkflowGraph,
  key: string,
  result: Extract<StepResult, { kind: "ok" | "error" }>,
  now: number,
): Transition {
  if (isTerminal(state.status)) return unchanged(state, `The run has already ended (${state.status}); nothing was changed`);
  const byStep = state.tokens.find((t) => t.stepId === key);
  const byNode = state.tokens.filter((t) => t.nodeId === key && t.state === "waiting");
  if (!byStep && byNode.length > 1) return unchanged(state, `Several steps of node ${key} are waiting; name the step id`);
  const token = byStep ?? byNode[0];
  if (!token || token.state !== "waiting") return unchanged(state, `Nothing is waiting at ${key}: it was already answered or cancelled`);
  const compiled = compileGraph(graph);
  const draft = new Draft(state, compiled, now);
  record(draft, compiled, token, result);
  return settle(draft);
}

export function cancelRun(
  state: RunState,
  graph: WorkflowGraph,
  now: number,
  options: { reason?: string; by?: string } = {},
): Transition {
  if (isTerminal(state.status)) return unchanged(state, `The run has already ${state.status === "cancelled" ? "been cancelled" : state.status}; nothing was cancelled`);
  const draft = new Draft(state, compileGraph(graph), now);
  cancelEverything(draft, options.reason ?? "cancelled", options.by);
  return draft.transition();
}

export { tick, timeoutCheck, wakeTimers } from "./timeouts";
