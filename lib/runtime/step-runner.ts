// The executors a session has running: each step gets an AbortController (aborted on its time
// limit, on cancel, or when the worker lets go of the run) and its result waits in `finished`
// until the session applies it. A step aborted for any reason leaves no result: the core
// decides what happens to it (node_timeout on the next tick, cancelled, or replayed elsewhere).
import type { ExecutorMap, StepResult } from "@/lib/engine/executor";
import type { Step } from "@/lib/engine/interpreter";
import { runStep } from "@/lib/engine/run-step";
import type { RuntimeServices } from "./services";
import { runClock } from "./clock";

interface Inflight {
  controller: AbortController;
  timer?: ReturnType<typeof setTimeout>;
}

export class StepRunner {
  private readonly inflight = new Map<string, Inflight>();
  private finished: { step: Step; result: StepResult }[] = [];

  /** `onChange` is called when a result arrives or a step is aborted. */
  constructor(
    private readonly executors: ExecutorMap<RuntimeServices>,
    private readonly onChange: () => void,
  ) {}

  get busy(): boolean {
    return this.inflight.size > 0 || this.finished.length > 0;
  }

  get hasResults(): boolean {
    return this.finished.length > 0;
  }

  running(stepId: string): boolean {
    return this.inflight.has(stepId);
  }

  launch(step: Step, services: RuntimeServices): void {
    const flight: Inflight = { controller: new AbortController() };
    if (step.timeoutMs !== undefined && step.timeoutMs > 0) {
      flight.timer = setTimeout(() => this.abort(step.stepId, `the step did not finish within ${step.timeoutMs} ms`), step.timeoutMs + 1);
    }
    this.inflight.set(step.stepId, flight);
    void runStep(step, this.executors, { now: runClock.now(), signal: flight.controller.signal, services }).then((result) => {
      if (this.inflight.get(step.stepId) !== flight) return; // aborted: the result no longer counts
      clearTimeout(flight.timer);
      this.inflight.delete(step.stepId);
      this.finished.push({ step, result });
      this.onChange();
    });
  }

  /** Records a result that needed no executor (a pinned output): applied like any other. */
  settle(step: Step, result: StepResult): void {
    this.finished.push({ step, result });
    this.onChange();
  }

  /** The results that arrived since the last call, in arrival order. */
  take(): { step: Step; result: StepResult }[] {
    const done = this.finished;
    this.finished = [];
    return done;
  }

  abort(stepId: string, reason: string): void {
    const flight = this.inflight.get(stepId);
    if (!flight) return;
    clearTimeout(flight.timer);
    this.inflight.delete(stepId);
    flight.controller.abort(new Error(reason));
    this.onChange();
  }

  abortAll(reason: string): void {
    for (const stepId of [...this.inflight.keys()]) this.abort(stepId, reason);
  }
}
