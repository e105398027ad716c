// What a step's result does to the run: begin, complete and route, wait, or fail (retry,
// take the error output, or fail the run). Each function works on a draft; the interpreter
// settles it afterwards.
import type { CompiledNode } from "./compiled-graph";
import { without, type Draft } from "./draft";
import { failRun } from "./lifecycle";
import { nextRetryAt } from "./retries";
import { chooseHandle, hasConnectedErrorOutput, route } from "./routing";
import type { StepError, Token } from "./state";
import type { StepResult } from "./executor";

/** Marks a token running (emitting workflow_start for the run's first step and node_start). */
export function begin(draft: Draft, node: CompiledNode, token: Token): Token {
  const { state, now } = draft;
  if (state.status === "pending") {
    state.status = "running";
    state.startedAt = now;
    if (state.limits.timeoutMs > 0) state.deadline = now + state.limits.timeoutMs;
    draft.emit({ type: "workflow_start", at: now, input: state.data.input });
  }
  const replay = token.state === "running";
  const started: Token = { ...without(token, "readyAt", "deadline"), state: "running", startedAt: now };
  if (replay) started.replays = (token.replays ?? 0) + 1;
  if (node.timeoutMs !== undefined && node.timeoutMs > 0) started.deadline = now + node.timeoutMs;
  draft.putToken(started);
  draft.updateRecord(node.id, { status: "running", lastStepId: token.stepId });
  draft.emit({ type: "node_start", at: now, nodeId: node.id, stepId: token.stepId, attempt: token.attempt, ...(replay ? { replay } : {}) });
  return started;
}

function durationOf(draft: Draft, token: Token): { durationMs?: number } {
  return token.startedAt !== undefined ? { durationMs: draft.now - token.startedAt } : {};
}

function runErrorFor(node: CompiledNode, token: Token, error: StepError) {
  const message = error.message.startsWith(node.name) ? error.message : `${node.name} failed: ${error.message}`;
  return { ...error, message, nodeId: node.id, stepId: token.stepId };
}

type Ok = Extract<StepResult, { kind: "ok" }>;

export function complete(draft: Draft, node: CompiledNode, token: Token, result: Pick<Ok, "output" | "handle" | "variables">): void {
  const choice = chooseHandle(node, result.handle);
  if (!choice.ok) {
    draft.removeToken(token.stepId);
    draft.updateRecord(node.id, { status: "failed", runs: (draft.record(node.id)?.runs ?? 0) + 1 });
    failRun(draft, { message: choice.message, code: "bad_output", nodeId: node.id, stepId: token.stepId }, token);
    return;
  }
  for (const v of result.variables ?? []) draft.setVariable(v.name, v.value);
  draft.setOutput(node.id, token.stepId, result.output);
  if (node.type === "end") draft.state.output = { nodeId: node.id, value: result.output };
  draft.removeToken(token.stepId);
  draft.updateRecord(node.id, { status: "succeeded", runs: (draft.record(node.id)?.runs ?? 0) + 1, lastStepId: token.stepId });
  const event = {
    type: "node_complete" as const,
    at: draft.now,
    nodeId: node.id,
    stepId: token.stepId,
    attempt: token.attempt,
    ...(choice.handle !== undefined ? { handle: choice.handle } : {}),
    output: result.output,
    ...durationOf(draft, token),
    next: [] as string[],
  };
  draft.emit(event);
  event.next = route(draft, node, token, choice.handle);
}

/** A failed attempt: retry it later, take the error output, or fail the run. */
export function fail(draft: Draft, node: CompiledNode, token: Token, error: StepError, retryable: boolean, retryAfterMs?: number): void {
  const { now, state } = draft;
  const stepError: StepError = { ...error, nodeId: error.nodeId ?? node.id };
  const base = { at: now, nodeId: node.id, stepId: token.stepId, attempt: token.attempt, error: stepError, ...durationOf(draft, token) };
  const retryAt = nextRetryAt(node, state.limits, token.attempt, retryable, now, retryAfterMs);
  if (retryAt !== undefined) {
    const retry: Token = { ...without(token, "startedAt", "deadline", "wait", "replays"), attempt: token.attempt + 1, state: "ready", readyAt: retryAt, lastError: stepError };
    draft.putToken(retry);
    draft.updateRecord(node.id, { status: "retrying" });
    draft.retryAt = retryAt;
    draft.emit({ type: "node_error", ...base, outcome: "retry", retryAt, next: [] });
    return;
  }
  draft.removeToken(token.stepId);
  draft.updateRecord(node.id, { status: "failed", runs: (draft.record(node.id)?.runs ?? 0) + 1, lastStepId: token.stepId });
  if (hasConnectedErrorOutput(node)) {
    const output = { error: stepError };
    draft.setOutput(node.id, token.stepId, output);
    const event = { type: "node_error" as const, ...base, outcome: "error_output" as const, next: [] as string[] };
    draft.emit(event);
    event.next = route(draft, node, token, node.errorHandle);
    return;
  }
  draft.emit({ type: "node_error", ...base, outcome: "fail", next: [] });
  failRun(draft, runErrorFor(node, token, stepError), token);
}

type Wait = Extract<StepResult, { kind: "wait" }>;

export function wait(draft: Draft, node: CompiledNode, token: Token, result: Wait): void {
  const { now } = draft;
  const waiting: Token = {
    ...without(token, "deadline"),
    state: "waiting",
    wait: {
      reason: result.reason,
      since: now,
      ...(result.until !== undefined ? { until: result.until } : {}),
      ...("output" in result ? { output: { value: result.output } } : {}),
      ...(result.handle !== undefined ? { handle: result.handle } : {}),
    },
  };
  draft.putToken(waiting);
  draft.updateRecord(node.id, { status: "waiting" });
  const ref = { at: now, nodeId: node.id, stepId: token.stepId, attempt: token.attempt, reason: result.reason };
  if (result.until !== undefined) draft.emit({ type: "timer_set", ...ref, wakeAt: result.until });
  else draft.emit({ type: "node_waiting", ...ref });
}
