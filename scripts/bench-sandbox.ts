// `npm run bench:sandbox`: what isolation costs and what it buys.
//   1. Per-step overhead of a trivial script: in-process QuickJS (how scripts ran before the
//      pool, measured here the same way) against the warm worker-thread pool.
//   2. A trivial JSONata condition through the engine's evaluator (in-process, bounded).
//   3. Hostile figures: the worst event-loop lag while 4 hostile scripts run at once, and RSS
//      before/after 50 hostile script steps and 50 runaway JSONata expressions.
// Figures go to docs/sandbox.md.
import { newQuickJSWASMModule, RELEASE_SYNC } from "quickjs-emscripten";
import { evaluateExpression, ExpressionFailure } from "../lib/engine/expressions";
import { runScript } from "../lib/sandbox/quickjs";
import { sandboxPool } from "../lib/sandbox/pool";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1_000);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(3);
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms`;
}

async function time(rounds: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The way scripts ran before the pool: a fresh QuickJS runtime on the caller's own thread. */
async function inProcessScript(): Promise<() => unknown> {
  const wasm = await newQuickJSWASMModule(RELEASE_SYNC);
  return () => {
    const runtime = wasm.newRuntime();
    runtime.setMemoryLimit(32 * 1024 * 1024);
    const vm = runtime.newContext();
    const result = vm.evalCode(`JSON.stringify((function (input) { "use strict"; return input.n + 1; })(${JSON.stringify({ n: 1 })}))`);
    const value = vm.dump(vm.unwrapResult(result));
    result.dispose();
    vm.dispose();
    runtime.dispose();
    return value;
  };
}

/** Worst lag of a 10 ms timer while `work` runs. */
async function worstLag(work: Promise<unknown>): Promise<number> {
  let worst = 0;
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    const before = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 10));
    worst = Math.max(worst, performance.now() - before - 10);
  }
  return worst;
}

const scope = { input: { amount: 150, status: "approved" }, vars: {}, nodes: {}, run: { id: "bench" } };
const target = { nodeId: "bench", nodeName: "Bench", now: Date.now(), seed: "bench" };

const HOSTILE_SCRIPTS = [
  { source: "while (true) {}", timeLimitMs: 1_000, memoryLimitMb: 32 },
  { source: "return /(a+)+$/.test('a'.repeat(40) + 'b');", timeLimitMs: 1_000, memoryLimitMb: 32 },
  { source: "const s = 'x'.repeat(1e6); const a = []; for (;;) a.push(s + a.length);", timeLimitMs: 10_000, memoryLimitMb: 64 },
  { source: "await null; for (;;) {}", timeLimitMs: 1_000, memoryLimitMb: 32 },
  { source: "function f(n) { return [n, f(n + 1)]; } return f(0);", timeLimitMs: 1_000, memoryLimitMb: 32 },
];

const RUNAWAY_EXPRESSIONS = [
  "($f := function($x){ $f($x) }; $f(1))",
  "$count([1..10000000])",
  "$reduce([1..30], function($acc, $v){ $acc & $acc }, 'xxxxxxxxxx')",
  "($loop := function($n){ $n > 0 ? $loop($n + 1) : 0 }; $loop(1))",
  "$sum([1..1000000].($ * 2))",
  "$match('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', /(a+)+$/)",
];

async function main() {
  const pool = sandboxPool();
  const direct = await inProcessScript();
  for (let i = 0; i < 50; i++) direct();
  console.log(`trivial script, in-process QuickJS (before):  ${percentiles(await time(ROUNDS, direct))}`);

  for (let i = 0; i < 50; i++) await runScript("return input.n + 1;", { n: 1 }, { timeLimitMs: 1_000, memoryLimitMb: 32 });
  console.log(`trivial script, worker pool (now):             ${percentiles(await time(ROUNDS, () => runScript("return input.n + 1;", { n: 1 }, { timeLimitMs: 1_000, memoryLimitMb: 32 })))}`);

  for (let i = 0; i < 200; i++) await evaluateExpression("amount > 100 and status = 'approved'", scope, target);
  console.log(`trivial JSONata condition, in-process:        ${percentiles(await time(ROUNDS * 5, () => evaluateExpression("amount > 100 and status = 'approved'", scope, target)))}`);

  const lag = await worstLag(Promise.all(HOSTILE_SCRIPTS.slice(0, 4).map(({ source, ...limits }) => runScript(source, {}, limits))));
  console.log(`worst timer lag while 4 hostile scripts run:  ${lag.toFixed(1)} ms`);

  global.gc?.();
  const before = process.memoryUsage().rss;
  let hostileLag = 0;
  for (let i = 0; i < 50; i += HOSTILE_SCRIPTS.length) {
    hostileLag = Math.max(hostileLag, await worstLag(Promise.all(HOSTILE_SCRIPTS.map(({ source, ...limits }) => runScript(source, {}, limits)))));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  global.gc?.();
  console.log(`RSS around 50 hostile script steps:            ${mb(before)} MB before, ${mb(process.memoryUsage().rss)} MB after (worst lag ${hostileLag.toFixed(1)} ms, ${pool.started} threads started)`);

  const exprBefore = process.memoryUsage().rss;
  let longest = 0;
  let exprLag = 0;
  const messages = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const source = RUNAWAY_EXPRESSIONS[i % RUNAWAY_EXPRESSIONS.length];
    const started = performance.now();
    const evaluation = evaluateExpression(source, scope, target).catch((error: unknown) => {
      if (error instanceof ExpressionFailure) messages.add(error.message.replace(/^.*: /, ""));
    });
    exprLag = Math.max(exprLag, await worstLag(evaluation));
    longest = Math.max(longest, performance.now() - started);
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  global.gc?.();
  console.log(`RSS around 50 runaway JSONata expressions:     ${mb(exprBefore)} MB before, ${mb(process.memoryUsage().rss)} MB after; longest ${longest.toFixed(0)} ms, worst lag ${exprLag.toFixed(1)} ms`);
  console.log(`  their messages: ${[...messages].join(" | ")}`);
  await pool.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
