// The engine core's public surface: a pure state machine over a persisted run state.
// Import the validator from ./validate directly when only validation is needed (the canvas),
// so the expression evaluator and the interpreter stay out of the browser bundle.
export {
  applyStepResult,
  beginStep,
  cancelRun,
  nextSteps,
  resumeWaiting,
  startRun,
  tick,
  timeoutCheck,
  wakeTimers,
  type RunVersion,
  type StartOutcome,
  type Step,
} from "./interpreter";
export { executorContext, idempotencyKey, runStep, type RunStepOptions } from "./run-step";
export { retryFailedRun, retryRefusal, type RetryOptions } from "./retry-failed";
export { builtinExecutors } from "./builtins";
export { BUILTIN_TYPES } from "./compiled-graph";
export type { ExecutorContext, ExecutorMap, ExecutorServices, ExpressionSite, NodeExecutor, StepResult } from "./executor";
export {
  evaluateExpression,
  ExpressionFailure,
  EXPRESSION_STEP_LIMIT,
  EXPRESSION_TIME_LIMIT_MS,
  isTruthy,
  renderTemplate,
  type EvalScope,
  type EvalTarget,
} from "./expressions";
export { eventsOfType, type EngineEvent, type EngineEventType } from "./events";
export { RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS, retryDelayMs } from "./retries";
export { decodeState, decodeValue, encodeState, encodeValue } from "./storage";
export type { JoinBranch } from "./joins";
export {
  isTerminal,
  TERMINAL_STATUSES,
  type NodeRecord,
  type NodeStatus,
  type RunError,
  type RunLimits,
  type RunState,
  type RunStatus,
  type StepError,
  type Token,
  type TokenState,
  type Transition,
} from "./state";
