// Executors for the node types that need no I/O, so the core can run them itself: start,
// end, set, decision, parallel and timer. They follow the same contract as every executor
// (lib/engine/executor.ts); the runtime may override any of them by type.
import { DEFAULT_BRANCH } from "@/lib/nodes/handles";
import type { DecisionConfig } from "@/lib/nodes/decision/definition";
import type { EndConfig } from "@/lib/nodes/end/definition";
import type { SetConfig } from "@/lib/nodes/set/definition";
import type { TimerConfig } from "@/lib/nodes/timer/definition";
import type { ExecutorMap, NodeExecutor, StepResult } from "./executor";
import { isTruthy } from "./expressions";

const passThrough: NodeExecutor = async (ctx) => ({ kind: "ok", output: ctx.input });

/** No mapping: the run's output is what reached the end. With one: an object of the mapped values. */
const end: NodeExecutor = async (ctx) => {
  const { outputMapping = [] } = ctx.config as Partial<EndConfig>;
  if (outputMapping.length === 0) return { kind: "ok", output: ctx.input };
  const output: Record<string, unknown> = {};
  for (const [i, entry] of outputMapping.entries()) {
    const site = { path: `outputMapping.${i}.expression`, label: `the output "${entry.key}"` };
    output[entry.key] = await ctx.expressions.evaluate(entry.expression, site);
  }
  return { kind: "ok", output };
};

/** Assignments run in order, and later ones see earlier ones in $vars. Passes its input on. */
const set: NodeExecutor = async (ctx) => {
  const { assignments = [] } = ctx.config as Partial<SetConfig>;
  const variables: { name: string; value?: unknown }[] = [];
  const vars = { ...ctx.scope.vars };
  for (const [i, a] of assignments.entries()) {
    const site = { path: `assignments.${i}.expression`, label: `the value of "${a.variable}"`, vars };
    const value = await ctx.expressions.evaluate(a.expression, site);
    vars[a.variable] = value;
    variables.push({ name: a.variable, value });
  }
  return { kind: "ok", output: ctx.input, variables };
};

/** First branch whose condition is true, else "default". Passes its input on. */
const decision: NodeExecutor = async (ctx) => {
  const { branches = [] } = ctx.config as Partial<DecisionConfig>;
  for (const [i, branch] of branches.entries()) {
    const site = { path: `branches.${i}.condition`, label: `the condition of branch "${branch.label}"` };
    const value = await ctx.expressions.evaluate(branch.condition, site);
    if (isTruthy(value)) return { kind: "ok", output: ctx.input, handle: branch.id };
  }
  return { kind: "ok", output: ctx.input, handle: DEFAULT_BRANCH };
};

/** A wake-up time from the "until" expression: an ISO date-time or epoch milliseconds. */
function wakeTime(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/** Waits for a delay or until a computed time; passes its input on when it wakes. */
const timer: NodeExecutor = async (ctx): Promise<StepResult> => {
  const config = ctx.config as TimerConfig;
  let until: number | undefined;
  if (config.mode === "until") {
    const value = await ctx.expressions.evaluate(config.until, { path: "until", label: "the wake-up time" });
    until = wakeTime(value);
    if (until === undefined) {
      const shown = JSON.stringify(value) ?? "nothing";
      return {
        kind: "error",
        retryable: false,
        error: { message: `the wake-up time must be an ISO date-time or epoch milliseconds, but \`${config.until}\` gave ${shown}`, code: "bad_wake_time", expression: config.until, path: "until" },
      };
    }
  } else {
    until = ctx.now + config.delaySeconds * 1_000;
  }
  if (until <= ctx.now) return { kind: "ok", output: ctx.input };
  return { kind: "wait", reason: "timer", until, output: ctx.input };
};

export const builtinExecutors: ExecutorMap = {
  start: passThrough,
  end,
  set,
  decision,
  parallel: passThrough,
  timer,
};
