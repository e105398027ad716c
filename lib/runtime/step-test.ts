// "Test this step" (issue 13): runs ONE node's executor outside any run, with the services a
// real run's step gets (credentials as the person may use them, secret variables, the script
// sandbox in its worker threads, AI usage recorded) and bounded by the node's time limit.
// Nothing is written: no execution, no queue entry, no events, so no run list, roll-up or
// dashboard can see it. The idempotency key and secret-variable markers use a fresh
// "step-test-…" id, so a tested HTTP call never reuses a real run step's Idempotency-Key.
import { randomUUID } from "node:crypto";
import type { ExecutorMap, StepResult } from "@/lib/engine/executor";
import type { EvalScope } from "@/lib/engine/expressions";
import type { Step } from "@/lib/engine/interpreter";
import { runStep } from "@/lib/engine/run-step";
import { BUILTIN_TYPES } from "@/lib/engine/compiled-graph";
import type { StepError } from "@/lib/engine/state";
import type { WorkflowNode } from "@/lib/workflow/types";
import { runClock } from "./clock";
import type { AiUsage, RuntimeServices } from "./services";
import { servicesForStep, type ServiceProviders } from "./step-services";

/** A step without a time limit of its own is stopped after this long: a test waits for a person at the screen. */
export const STEP_TEST_LIMIT_MS = 60_000;

export interface StepTestRequest {
  workflowId: string;
  node: WorkflowNode;
  input: unknown;
  /** What expressions read besides `$`: the latest run's data, or an empty run around typed input. */
  scope: Omit<EvalScope, "input">;
  /** The person testing: credentials are revealed as they may use them. */
  startedBy: string;
  /** The id the step's services and idempotency key use (secret markers must be made for it). */
  testId: string;
}

export interface StepTestOutcome {
  status: "succeeded" | "failed" | "waiting" | "timed_out";
  output?: unknown;
  handle?: string;
  error?: StepError;
  waitReason?: string;
  durationMs: number;
  logs: string[];
  aiCalls: AiUsage[];
}

export function newStepTestId(): string {
  return `step-test-${randomUUID()}`;
}

function stepOf(request: StepTestRequest): Step {
  const { node } = request;
  const config = (node.data.config ?? {}) as Record<string, unknown>;
  const limit = typeof config.timeoutMs === "number" && config.timeoutMs > 0 ? config.timeoutMs : undefined;
  return {
    runId: request.testId,
    stepId: `${node.id}#1`,
    nodeId: node.id,
    attempt: 1,
    type: node.type,
    name: node.data.title ? `"${node.data.title}"` : `${node.type} ${node.id}`,
    builtin: BUILTIN_TYPES.has(node.type),
    node,
    config,
    input: request.input,
    scope: { ...request.scope, input: request.input },
    replay: false,
    ...(limit !== undefined ? { timeoutMs: limit } : {}),
  };
}

function outcomeOf(result: StepResult): Omit<StepTestOutcome, "durationMs" | "logs" | "aiCalls"> {
  if (result.kind === "ok") return { status: "succeeded", output: result.output, ...(result.handle ? { handle: result.handle } : {}) };
  if (result.kind === "error") return { status: "failed", error: result.error };
  return { status: "waiting", waitReason: result.reason, output: result.output };
}

export async function testOneStep(request: StepTestRequest, executors: ExecutorMap<RuntimeServices>, providers: ServiceProviders): Promise<StepTestOutcome> {
  const step = stepOf(request);
  const logs: string[] = [];
  const aiCalls: AiUsage[] = [];
  const services = servicesForStep(
    { runId: request.testId, workflowId: request.workflowId, version: null, depth: 0, startedBy: request.startedBy },
    {
      log: (line) => void logs.push(line),
      recordAiUsage: (usage) => void aiCalls.push(usage),
      recordAgentEntry: (entry) => void logs.push(entry.kind === "tool" ? `tool ${entry.name} (${entry.source}): ${entry.error ? `failed: ${entry.error}` : "answered"}, ${entry.durationMs} ms` : `model turn ${entry.turn}: ${entry.text.slice(0, 200)}`),
      // A test spends nothing of a run's budget and must never ask the owners for more: no gate.
      spend: () => ({ spentUsd: 0, approvedUsd: Number.POSITIVE_INFINITY }),
      startChild: () => Promise.reject(new Error("a step test cannot start a child run")),
    },
    providers,
  );
  const limitMs = step.timeoutMs ?? STEP_TEST_LIMIT_MS;
  const controller = new AbortController();
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), limitMs);
  });
  const result = await Promise.race([runStep(step, executors, { now: runClock.now(), signal: controller.signal, services }), timedOut]);
  clearTimeout(timer);
  const durationMs = Math.round(performance.now() - started);
  if (result === "timeout") {
    controller.abort(new Error(`the step did not finish within ${limitMs} ms`));
    const error = { message: `${step.name} did not finish within ${limitMs} ms (its time limit), so the test stopped it`, code: "node_timeout", nodeId: step.nodeId };
    return { status: "timed_out", error, durationMs, logs, aiCalls };
  }
  return { ...outcomeOf(result), durationMs, logs, aiCalls };
}
