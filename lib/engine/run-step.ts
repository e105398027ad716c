// Runs one step through its executor: builds the executor's context from the step and what
// the runtime injects, and turns whatever happens into a StepResult. No I/O of its own: the
// executors do that, with the services they are given.
import { builtinExecutors } from "./builtins";
import type { ExecutorContext, ExecutorMap, ExecutorServices, ExpressionSite, StepResult } from "./executor";
import { evaluateExpression, ExpressionFailure, renderTemplate, type EvalTarget } from "./expressions";
import type { Step } from "./interpreter";

export interface RunStepOptions<Services> {
  /** The step's time, from the runtime's clock. */
  now: number;
  signal?: AbortSignal;
  services: Services;
}

/** For steps run without a signal: never aborts. */
const NEVER = new AbortController().signal;

export function idempotencyKey(step: Pick<Step, "runId" | "stepId" | "attempt">): string {
  return `${step.runId}:${step.stepId}:${step.attempt}`;
}

export function executorContext<Services>(step: Step, options: RunStepOptions<Services>): ExecutorContext<Services> {
  const target = (site: ExpressionSite = {}): EvalTarget => ({
    nodeId: step.nodeId,
    nodeName: step.name,
    path: site.path,
    label: site.label,
    now: options.now,
    seed: `${step.runId}\u0000${step.stepId}\u0000${step.attempt}`,
  });
  const scopeFor = (site: ExpressionSite = {}) => {
    if (!site.vars && site.input === undefined) return step.scope;
    return { ...step.scope, ...(site.vars ? { vars: site.vars } : {}), ...(site.input !== undefined ? { input: site.input } : {}) };
  };
  const ctx: ExecutorContext<Services> = {
    runId: step.runId,
    stepId: step.stepId,
    idempotencyKey: idempotencyKey(step),
    attempt: step.attempt,
    node: step.node,
    config: step.config,
    input: step.input,
    scope: step.scope,
    now: options.now,
    signal: options.signal ?? NEVER,
    services: options.services,
    expressions: {
      evaluate: (source, site) => evaluateExpression(source, scopeFor(site), target(site)),
      render: (template, site) => renderTemplate(template, scopeFor(site), target(site)),
    },
  };
  if (step.lastError) ctx.lastError = step.lastError;
  return ctx;
}

function isStepResult(value: unknown): value is StepResult {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === "ok") return true;
  if (kind === "error") return typeof (value as { error?: { message?: unknown } }).error?.message === "string";
  return kind === "wait" && typeof (value as { reason?: unknown }).reason === "string";
}

/**
 * Runs the step with the runtime's executor for its type, else the built-in one. A thrown
 * ExpressionFailure is a non-retryable error naming the node and expression; any other throw
 * is a retryable error. Never throws.
 */
export async function runStep<Services = ExecutorServices>(
  step: Step,
  executors: ExecutorMap<Services>,
  options: RunStepOptions<Services>,
): Promise<StepResult> {
  const executor = executors[step.type] ?? (builtinExecutors[step.type] as ExecutorMap<Services>[string]);
  if (!executor) {
    return { kind: "error", retryable: false, error: { message: `no executor is installed for nodes of type "${step.type}"`, code: "no_executor" } };
  }
  try {
    const result: unknown = await executor(executorContext(step, options));
    if (isStepResult(result)) return result;
    return { kind: "error", retryable: false, error: { message: `its executor returned something that is not a step result`, code: "bad_result" } };
  } catch (error) {
    if (error instanceof ExpressionFailure) return { kind: "error", retryable: false, error: error.detail };
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "error", error: { message, code: "executor_threw" } };
  }
}
