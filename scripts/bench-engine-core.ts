// The core's own CPU per step, apart from any database: `npx tsx scripts/bench-engine-core.ts`.
// Runs the 20-step set/decision fixture (and a 200-branch fan-out and join) through
// startRun / nextSteps / beginStep / runStep (built-in executors) / applyStepResult in memory,
// and prints CPU time (user + system) per step. Not a test: it asserts only that runs complete.
import type { WorkflowGraph } from "@/lib/workflow/types";
import type { ExecutorMap } from "../lib/engine/executor";
import { fixture } from "../lib/engine/fixtures";
import { applyStepResult, beginStep, nextSteps, startRun, type RunVersion } from "../lib/engine/interpreter";
import { runStep } from "../lib/engine/run-step";
import { isTerminal } from "../lib/engine/state";

async function runOnce(version: RunVersion, input: unknown, executors: ExecutorMap, id: number): Promise<number> {
  let now = 1_767_225_600_000;
  const started = startRun(version, input, now, { runId: `run-${id}` });
  if (!started.ok) throw new Error(started.message);
  let state = started.state;
  let steps = 0;
  while (!isTerminal(state.status)) {
    const batch = nextSteps(state, version, now);
    if (batch.length === 0) throw new Error(`run stuck in ${state.status}`);
    for (const step of batch) state = beginStep(state, version, step.stepId, now).state;
    for (const step of batch) {
      const result = await runStep(step, executors, { now, services: {} });
      now += 1;
      state = applyStepResult(state, version, step, result, now).state;
      steps++;
    }
  }
  if (state.status !== "completed") throw new Error(`run ended ${state.status}: ${state.error?.message}`);
  return steps;
}

async function measure(label: string, version: RunVersion, input: unknown, runs: number, executors: ExecutorMap = {}) {
  for (let i = 0; i < Math.min(200, runs); i++) await runOnce(version, input, executors, i); // warm up the JIT and caches
  const cpu = process.cpuUsage();
  const wall = performance.now();
  let steps = 0;
  for (let i = 0; i < runs; i++) steps += await runOnce(version, input, executors, i);
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1_000;
  const wallMs = performance.now() - wall;
  const perStep = (cpuMs / steps).toFixed(3);
  console.log(`${label}: ${runs} runs, ${steps} steps, CPU ${cpuMs.toFixed(0)} ms (${perStep} ms/step), wall ${(wallMs / steps).toFixed(3)} ms/step`);
}

function fanOut(branches: number): WorkflowGraph {
  const node = (id: string, type: string, config: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data: { title: id, config } });
  const nodes = [node("start", "start", { fields: [] }), node("split", "parallel", { mode: "split" }), node("join", "parallel", { mode: "join" }), node("end", "end", { outputMapping: [] })];
  const edges = [{ id: "e-start", source: "start", target: "split" }, { id: "e-join", source: "join", target: "end" }];
  for (let i = 0; i < branches; i++) {
    nodes.push(node(`b${i}`, "set", { assignments: [{ variable: `v${i}`, expression: `${i} * 2` }] }));
    edges.push({ id: `e-s-${i}`, source: "split", target: `b${i}` }, { id: `e-j-${i}`, source: `b${i}`, target: "join" });
  }
  return { nodes, edges };
}

async function main() {
  const bench = fixture("bench-20");
  await measure("20-step set/decision workflow", bench, { amount: 3 }, 2_000);
  // The same graph with JSONata replaced by no-op executors: the interpreter's bookkeeping alone.
  const noop: ExecutorMap = {
    set: async (ctx) => ({ kind: "ok", output: ctx.input }),
    decision: async (ctx) => ({ kind: "ok", output: ctx.input, handle: "default" }),
  };
  await measure("  same, without JSONata (bookkeeping only)", bench, { amount: 3 }, 2_000, noop);
  await measure("200-branch fan-out and join", fanOut(200), {}, 50);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
