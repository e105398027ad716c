// Test helper: a real ExecutorContext (templates and JSONata through the engine's evaluator)
// with fake runtime services that record what executors asked of them. Used by executor tests only.
import { executorContext } from "@/lib/engine/run-step";
import type { ExecutorContext } from "@/lib/engine/executor";
import type { Step } from "@/lib/engine/interpreter";
import type { AgentEntry, AiUsage, RuntimeServices } from "@/lib/runtime/services";

export interface FakeRecord {
  logs: string[];
  aiUsage: AiUsage[];
  agent: AgentEntry[];
}

export interface FakeOptions {
  type: string;
  config: Record<string, unknown>;
  input?: unknown;
  runInput?: unknown;
  nodes?: Record<string, unknown>;
  attempt?: number;
  now?: number;
  signal?: AbortSignal;
  depth?: number;
  services?: Partial<Omit<RuntimeServices, "run">>;
  /** What the run spent on AI so far and the extra approved (the budget gate reads it). */
  spend?: { spentUsd: number; approvedUsd: number };
}

const refuse = (what: string) => () => Promise.reject(new Error(`the test did not expect ${what}`));

export function fakeContext(options: FakeOptions): { ctx: ExecutorContext<RuntimeServices>; record: FakeRecord } {
  const record: FakeRecord = { logs: [], aiUsage: [], agent: [] };
  const nodeId = `${options.type}_1`;
  const step: Step = {
    runId: "run-1",
    stepId: `${nodeId}#1`,
    nodeId,
    attempt: options.attempt ?? 1,
    type: options.type,
    name: `"${options.type} step"`,
    builtin: false,
    node: { id: nodeId, type: options.type, position: { x: 0, y: 0 }, data: { title: `${options.type} step`, config: options.config } },
    config: options.config,
    input: options.input,
    scope: { input: options.input, runInput: options.runInput ?? options.input, vars: {}, nodes: options.nodes ?? {}, run: { id: "run-1" } },
    replay: false,
  };
  const services: RuntimeServices = {
    run: {
      runId: "run-1",
      workflowId: "wf-1",
      version: 1,
      depth: options.depth ?? 0,
      startedBy: null,
      recordAiUsage: (usage) => void record.aiUsage.push(usage),
      log: (line) => void record.logs.push(line),
      recordAgentEntry: (entry) => void record.agent.push(entry),
      spend: () => options.spend ?? { spentUsd: 0, approvedUsd: 0 },
    },
    credentials: { reveal: refuse("a credential lookup") },
    secrets: { fill: async (text) => ({ ok: true, text }) },
    tasks: { createForStep: refuse("a task") },
    runs: { startChild: refuse("a child run") },
    notifications: { send: refuse("a notification") },
    ...options.services,
  };
  const ctx = executorContext(step, { now: options.now ?? Date.now(), signal: options.signal, services });
  return { ctx, record };
}
