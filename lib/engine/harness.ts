// An in-memory runtime for tests and the CPU benchmark: loops nextSteps / beginStep /
// runStep / applyStepResult with fake executors and a simulated clock. Not used in production.
import type { EngineEvent } from "./events";
import type { ExecutorContext, ExecutorMap, StepResult } from "./executor";
import {
  applyStepResult,
  beginStep,
  cancelRun,
  nextSteps,
  resumeWaiting,
  startRun,
  tick,
  type RunVersion,
} from "./interpreter";
import { retryFailedRun } from "./retry-failed";
import { runStep } from "./run-step";
import { isTerminal, type RunState, type Token, type Transition } from "./state";

/** A fake may return HANG: the executor never answers (to test node time limits). */
export const HANG = Symbol("hang");
export type Fake = (ctx: ExecutorContext) => StepResult | typeof HANG | Promise<StepResult | typeof HANG>;

export interface SimulationOptions {
  runId?: string;
  /** The clock at the start (ms since epoch). */
  start?: number;
  /** How long each step takes on the simulated clock. */
  stepMs?: number;
  /** Fakes by node id or by node type (node id wins); built-in executors run the rest. */
  fakes?: Record<string, Fake>;
  /** Apply a batch of parallel steps' results first-to-last or last-to-first. */
  order?: "fifo" | "lifo";
  /** Deep-freeze every state, so a transition that mutates its input throws. Default true. */
  freeze?: boolean;
}

export const SIMULATION_START = Date.UTC(2026, 0, 1);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

export class Simulation {
  state: RunState;
  clock: number;
  readonly events: EngineEvent[] = [];
  /** Every state the run went through, in order. */
  readonly states: RunState[] = [];
  /** Messages of calls the core ignored. */
  readonly ignored: string[] = [];
  private readonly options: Required<Omit<SimulationOptions, "runId" | "start">>;

  constructor(
    readonly version: RunVersion,
    input: unknown,
    options: SimulationOptions = {},
  ) {
    this.options = { stepMs: options.stepMs ?? 10, fakes: options.fakes ?? {}, order: options.order ?? "fifo", freeze: options.freeze ?? true };
    this.clock = options.start ?? SIMULATION_START;
    const started = startRun(version, input, this.clock, { runId: options.runId ?? "run-1" });
    if (!started.ok) throw new Error(started.message);
    this.state = started.state;
    this.accept(started);
  }

  private accept(transition: Transition): Transition {
    if (transition.ignored) this.ignored.push(transition.ignored);
    if (transition.state !== this.state || this.states.length === 0) {
      this.state = this.options.freeze ? deepFreeze(transition.state) : transition.state;
      this.states.push(this.state);
    }
    this.events.push(...transition.events);
    return transition;
  }

  /** Runs the steps that are ready now, as one parallel batch. Returns how many ran. */
  async runBatch(): Promise<number> {
    const steps = nextSteps(this.state, this.version, this.clock);
    for (const step of steps) this.accept(beginStep(this.state, this.version, step.stepId, this.clock));
    const batch = this.options.order === "lifo" ? [...steps].reverse() : steps;
    for (const step of batch) {
      let hung = false;
      const fake = this.options.fakes[step.nodeId] ?? this.options.fakes[step.type];
      const executors: ExecutorMap = {};
      if (fake) {
        executors[step.type] = async (ctx) => {
          const answer = await fake(ctx);
          if (answer !== HANG) return answer;
          hung = true;
          return { kind: "ok" };
        };
      }
      const result = await runStep(step, executors, { now: this.clock, services: {} });
      this.clock += this.options.stepMs;
      if (!hung) this.accept(applyStepResult(this.state, this.version, step, result, this.clock));
    }
    return steps.length;
  }

  /** The next moment a step-level timer (retry, timer, node time limit) is due, if any. */
  private nextStepTimer(): number | undefined {
    let next: number | undefined;
    for (const t of this.state.tokens) {
      const at = t.state === "ready" ? t.readyAt : t.state === "running" ? t.deadline : t.wait?.until;
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }

  /**
   * Runs until the run ends or waits for the outside world (a human, a child run, a hung
   * executor without time limit). Jumps the clock to retries, timers and node time limits,
   * but not to the workflow's time limit: use advanceTo for that.
   */
  async run(maxBatches = 100_000): Promise<this> {
    for (let i = 0; i < maxBatches && !isTerminal(this.state.status); i++) {
      if ((await this.runBatch()) > 0) continue;
      const next = this.nextStepTimer();
      if (next === undefined) break;
      this.advanceTo(next);
    }
    return this;
  }

  advanceTo(time: number): Transition {
    this.clock = Math.max(this.clock, time);
    return this.accept(tick(this.state, this.version, this.clock));
  }

  resume(key: string, result: Extract<StepResult, { kind: "ok" | "error" }>): Transition {
    return this.accept(resumeWaiting(this.state, this.version, key, result, this.clock));
  }

  cancel(reason = "cancelled by a test", by?: string): Transition {
    return this.accept(cancelRun(this.state, this.version, this.clock, { reason, by }));
  }

  retryFailed(by?: string): Transition {
    return this.accept(retryFailedRun(this.state, this.version, this.clock, by ? { by } : {}));
  }

  waiting(): Token[] {
    return this.state.tokens.filter((t) => t.state === "waiting");
  }

  /** Node ids in the order their steps completed or failed. */
  path(): string[] {
    return this.events.flatMap((e) => (e.type === "node_complete" || (e.type === "node_error" && e.outcome !== "retry") ? [e.nodeId] : []));
  }
}

/** Starts a run and runs it until it ends or waits for the outside world. */
export async function runToEnd(version: RunVersion, input: unknown, fakes: Record<string, Fake> = {}, options: SimulationOptions = {}): Promise<Simulation> {
  return new Simulation(version, input, { ...options, fakes }).run();
}
