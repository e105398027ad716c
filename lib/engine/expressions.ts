// Evaluating JSONata and {{ }} templates against a run, deterministically and within limits.
//
// What an expression sees:
//   $ (the root)  the step's input: the output of the node before it (for a join, the list of
//                 arrivals [{ nodeId, output }]; for the start node, the run input)
//   $input        the run's input, as the run was started with it
//   $vars         the run variables, { name: value }
//   $nodes        the latest output of every node that has run, { nodeId: output }
//   $run          { id, startedAt }
// $now() and $millis() give the step's `now` (not the wall clock), and $random() / $shuffle()
// are seeded from the run, step and attempt, so the same state and inputs give the same result.
//
// Limits: at most EXPRESSION_STEP_LIMIT evaluation steps (deterministic: counted through
// JSONata's evaluate hook), and JSONata 2.2's own guardrails as a backstop: a wall-clock
// timeout (EXPRESSION_TIME_LIMIT_MS, for a single slow built-in such as a huge $sort), a
// recursion depth and a sequence length.
//
// Expressions run in-process (a worker round trip would cost more than the evaluation), so they
// must not hold the server's event loop: the same hook hands the loop back (setImmediate) after
// every YIELD_AFTER_MS of evaluation, and regular expressions that can backtrack forever inside
// one native call are refused (lib/expressions/safe-regex.ts). Measured in docs/sandbox.md.
import jsonata from "jsonata";
import { parseTemplate } from "@/lib/expressions";
import { GuardedRegExp } from "@/lib/expressions/safe-regex";
import type { StepError } from "./state";

export const EXPRESSION_STEP_LIMIT = 500_000;
export const EXPRESSION_TIME_LIMIT_MS = 1_000;
export const EXPRESSION_DEPTH_LIMIT = 5_000;
export const EXPRESSION_SEQUENCE_LIMIT = 100_000;
/** Longest stretch an evaluation holds the event loop before it lets other work run. */
const YIELD_AFTER_MS = 10;
/** Steps between looks at the clock (a look costs more than a step). */
const CLOCK_EVERY = 64;
/** Hands the loop back: setImmediate on the server; a zero timeout where there is none (the designer's preview runs here in the browser). */
const yieldLoop: (resume: () => void) => void =
  typeof setImmediate === "function" ? (resume) => setImmediate(resume) : (resume) => setTimeout(resume, 0);

export interface EvalScope {
  /** The step's input: the root `$`. */
  input?: unknown;
  runInput?: unknown;
  vars: Record<string, unknown>;
  nodes: Record<string, unknown>;
  run: { id: string; startedAt?: number };
}

export interface EvalTarget {
  /** Who evaluates: named in error messages. */
  nodeId: string;
  nodeName: string;
  /** Where the expression sits in the node's config, e.g. "branches.0.condition". */
  path?: string;
  /** What it is, for messages: "the condition of branch \"Big\"". */
  label?: string;
  /** The step's time: what $now() and $millis() return. */
  now: number;
  /** Seeds $random() and $shuffle(): the run, step and attempt. */
  seed: string;
}

/** An expression that failed to compile or evaluate; message names the node and the expression. */
export class ExpressionFailure extends Error {
  constructor(
    message: string,
    readonly detail: StepError,
  ) {
    super(message);
    this.name = "ExpressionFailure";
  }
}

interface EvalClock {
  now: number;
  random: () => number;
  steps: number;
  /** performance.now() when this evaluation last had or gave back the loop. */
  since: number;
}

const CLOCK = "__engine";
const ENTRY_HOOK = Symbol.for("jsonata.__evaluate_entry");
const CACHE_LIMIT = 5_000;
const compiled = new Map<string, jsonata.Expression>();
const formatNow = jsonata("$fromMillis($ms, $picture, $zone)");

/** mulberry32 over a string hash: small, fast and the same everywhere. */
function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let a = (h << 13) | (h >>> 19);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clockOf(env: jsonata.Environment): EvalClock {
  return env.lookup(CLOCK) as EvalClock;
}

function prepare(expression: jsonata.Expression): jsonata.Expression {
  expression.registerFunction("now", function (picture?: string, zone?: string) {
    return formatNow.evaluate(null, { ms: clockOf(this.environment).now, picture, zone });
  }, "<s?s?:s>");
  expression.registerFunction("millis", function () {
    return clockOf(this.environment).now;
  }, "<:n>");
  expression.registerFunction("random", function () {
    return clockOf(this.environment).random();
  }, "<:n>");
  expression.registerFunction("shuffle", function (array?: unknown[]) {
    if (array === undefined) return undefined;
    const random = clockOf(this.environment).random;
    const out = [...array];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }, "<a:a>");
  const hook = (_node: unknown, _input: unknown, env: jsonata.Environment): Promise<void> | undefined => {
    const clock = clockOf(env);
    if (!clock) return undefined;
    if (++clock.steps > EXPRESSION_STEP_LIMIT) throw { code: "SY1001", position: 0 };
    if (clock.steps % CLOCK_EVERY !== 0 || performance.now() - clock.since < YIELD_AFTER_MS) return undefined;
    // JSONata awaits this hook: resolving on the next turn lets timers and I/O run in between.
    return new Promise<void>((resolve) => yieldLoop(() => {
      clock.since = performance.now();
      resolve();
    }));
  };
  // assign() is typed for strings, but binds any key: JSONata looks its hooks up by symbol.
  expression.assign(ENTRY_HOOK as unknown as string, hook);
  return expression;
}

function compile(source: string): jsonata.Expression {
  const hit = compiled.get(source);
  if (hit) return hit;
  // Typed as RegExpConstructor (callable without new); JSONata only ever calls it with new.
  const RegexEngine = GuardedRegExp as unknown as RegExpConstructor;
  const options = { timeout: EXPRESSION_TIME_LIMIT_MS, stack: EXPRESSION_DEPTH_LIMIT, sequence: EXPRESSION_SEQUENCE_LIMIT, RegexEngine };
  const expression = prepare(jsonata(source, options));
  if (compiled.size >= CACHE_LIMIT) compiled.delete(compiled.keys().next().value as string);
  compiled.set(source, expression);
  return expression;
}

const LIMIT_MESSAGES: Record<string, string> = {
  SY1001: `it took more than ${EXPRESSION_STEP_LIMIT.toLocaleString("en-US")} evaluation steps (an endless loop?)`,
  D1012: `it ran for more than ${EXPRESSION_TIME_LIMIT_MS} ms`,
  D1011: "its recursion went too deep",
  D2015: `it built a list of more than ${EXPRESSION_SEQUENCE_LIMIT.toLocaleString("en-US")} items`,
};

function failure(error: unknown, source: string, target: EvalTarget): ExpressionFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; message?: unknown; position?: unknown };
  const code = typeof e.code === "string" ? e.code : undefined;
  const position = typeof e.position === "number" ? e.position : undefined;
  const reason = (code && LIMIT_MESSAGES[code]) ?? (typeof e.message === "string" && e.message ? e.message : String(error));
  const where = position !== undefined && !(code && LIMIT_MESSAGES[code]) ? ` (at character ${position})` : "";
  const what = target.label ?? (target.path ? `the expression at ${target.path}` : "an expression");
  const shown = source.length > 200 ? `${source.slice(0, 200)}…` : source;
  const message = `${target.nodeName} could not evaluate ${what} \`${shown}\`: ${reason}${where}`;
  return new ExpressionFailure(message, {
    message,
    code: "expression",
    nodeId: target.nodeId,
    expression: source,
    path: target.path,
    position,
    details: code ? { jsonataCode: code } : undefined,
  });
}

/** JSONata results as plain JSON: sequences become arrays, functions are refused. */
export function toPlainJson(value: unknown): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "function") throw new Error("the result is a function, not a value");
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("the result is not a finite number");
    return value;
  }
  if (Array.isArray(value)) return value.map(toPlainJson);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = toPlainJson(item);
  }
  return out;
}

/** Evaluates one JSONata expression against the run; throws ExpressionFailure. */
export async function evaluateExpression(source: string, scope: EvalScope, target: EvalTarget): Promise<unknown> {
  let expression: jsonata.Expression;
  try {
    expression = compile(source);
  } catch (error) {
    throw failure(error, source, target);
  }
  const clock: EvalClock = { now: target.now, random: seededRandom(`${target.seed}\u0000${source}`), steps: 0, since: performance.now() };
  const bindings = { input: scope.runInput, vars: scope.vars, nodes: scope.nodes, run: scope.run, [CLOCK]: clock };
  try {
    return toPlainJson(await expression.evaluate(scope.input, bindings));
  } catch (error) {
    throw failure(error, source, target);
  }
}

/** JSONata's effective boolean value ($boolean), with undefined as false. */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length === 1 ? isTruthy(value[0]) : value.some(isTruthy);
  if (typeof value === "string") return value.length > 0;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "boolean") return value;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return false;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** Renders a {{ }} template: strings as they are, other values as JSON, nothing as "". */
export async function renderTemplate(template: string, scope: EvalScope, target: EvalTarget): Promise<string> {
  const parts = parseTemplate(template);
  let out = "";
  for (const part of parts) {
    if (part.kind === "text") out += part.value;
    else out += asText(await evaluateExpression(part.source.trim(), scope, target));
  }
  return out;
}
