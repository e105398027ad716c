// One run held by one worker: the loop of "How a run moves" (DESIGN.md). Decide the next steps
// with the core, persist their beginning, run their executors, apply each result to the latest
// state, persist again, and leave the worker when nothing can move now. Every persist inserts
// the next checkpoint of the run's chain (lib/runtime/live-store.ts): if another worker got
// there first, this one has lost the run and stops without writing anything. It also stops
// writing once its lease may have run out. Leaving is in session-exit.ts, messages in
// session-messages.ts.
import { builtinExecutors } from "@/lib/engine/builtins";
import type { ExecutorMap } from "@/lib/engine/executor";
import { applyStepResult, beginStep, nextSteps, tick, type RunVersion, type Step } from "@/lib/engine/interpreter";
import { pinOf, pinnedResult } from "@/lib/engine/pins";
import { isTerminal, type RunState, type Transition } from "@/lib/engine/state";
import { recordEvents, type RunBook, type StepExtras } from "./book";
import { publishEvents } from "./bus";
import type { RuntimeConfig } from "./config";
import { insertEvents, storedEvent, type EventMetadata, type RunEvent, type StoredEvent } from "./event-records";
import { checkpointExists, insertCheckpoint, type CheckpointKind, type LiveCopy } from "./live-store";
import { markApplied, pendingMessages, type PendingMessage } from "./messages";
import { poisonFailure, poisonLimit } from "./poison";
import { triggerMetadata, type RunMeta } from "./meta";
import { reassertLease, renewLease, type QueueEntry } from "./queue";
import type { RuntimeServices } from "./services";
import { applyMessages } from "./session-messages";
import { StepRunner } from "./step-runner";
import type { ServiceProviders } from "./step-services";
import { sessionServices } from "./session-services";
import { runClock } from "./clock";

export interface SessionDeps {
  owner: string;
  config: RuntimeConfig;
  executors: ExecutorMap<RuntimeServices>;
  providers: ServiceProviders;
  /**
   * Lends the session's worker slot while a step blocks on another run (services.runs.whileWaiting);
   * returns the function that takes it back. Absent: nothing is lent.
   */
  lendSlot?: () => () => void;
}

export interface SessionInit extends LiveCopy {
  entry: QueueEntry;
  graph: RunVersion;
  messages: PendingMessage[];
  /** The run has never left a worker (its only checkpoint is the one written when it was created): it was never parked. */
  neverParked?: boolean;
}

/**
 * A finished effect's result waits at most this long for the checkpoint that records it: the
 * pure steps after it run first, so the checkpoint written before the next effect starts (or
 * when the run waits or ends) records both, instead of one write after each effect and one
 * before the next.
 */
const EFFECT_RECORD_MS = 5;

/** Events go to event_logs when this many are waiting, or the oldest has waited this long. */
const FLUSH_EVENTS = 32;
const FLUSH_MS = 200;

export class LeaseLost extends Error {
  constructor(runId: string) {
    super(`Run ${runId} was taken over by another worker`);
  }
}

export class RunSession {
  readonly runId: string;
  readonly token: number;
  readonly graph: RunVersion;
  readonly meta: RunMeta;
  readonly neverParked: boolean;
  state: RunState;
  seq: number;
  v: number;
  book: RunBook;
  lost = false;
  stopping = false;
  messages: PendingMessage[];
  readonly applied = new Set<string>();
  readonly extras = new Map<string, StepExtras>();
  /** The worker writes nothing after this moment unless a renewal moves it. */
  private leaseUntil: number;
  private unflushed: StoredEvent[];
  /** The last seq published on the bus. */
  private published: number;
  private dirty = false;
  private acks: string[] = [];
  private readonly runner: StepRunner;
  private wakeUp: (() => void) | null = null;
  /** Pure steps begun since the last persist (config.groupPureSteps), and since when. */
  private grouped = 0;
  private groupedSince = 0;
  /** History entries already in a checkpoint or the execution: the next checkpoint holds the rest. */
  private historyPersisted: number;
  /** When a step with effects finished whose result no checkpoint holds yet (null: none). */
  private effectDoneAt: number | null = null;

  constructor(init: SessionInit, readonly deps: SessionDeps) {
    this.runId = init.entry._id;
    this.token = init.entry.lease.token;
    this.leaseUntil = new Date(init.entry.lease.until).getTime() - this.margin;
    this.graph = init.graph;
    this.meta = init.meta;
    this.neverParked = init.neverParked ?? false;
    this.state = init.state;
    this.seq = init.seq;
    this.v = init.v;
    this.published = init.seq;
    this.book = init.book;
    this.historyPersisted = init.book.history.length;
    this.unflushed = init.pendingEvents;
    this.messages = init.messages;
    this.runner = new StepRunner(deps.executors, () => this.wake());
  }

  /** Writes stop this long before the lease runs out, so they never overlap a successor's. */
  private get margin(): number {
    return Math.min(this.deps.config.leaseMs / 4, 5_000);
  }

  /** Takes a transition's state and events (with their seq); false when the core ignored the call. */
  accept(transition: Transition, metadata?: EventMetadata): boolean {
    if (transition.ignored) return false;
    this.state = transition.state;
    recordEvents(this.book, transition.events, (stepId) => this.extras.get(stepId));
    this.addEvents(transition.events, metadata);
    return true;
  }

  addEvents(events: readonly RunEvent[], metadata?: EventMetadata): void {
    for (const e of events) {
      const meta = e.type === "workflow_start" ? triggerMetadata(this.meta.trigger) : metadata;
      this.unflushed.push(storedEvent(this.runId, ++this.seq, e, meta));
    }
    this.dirty = true;
  }

  /** A message was applied: mark it once the state that includes it is persisted. */
  ack(id: string): void {
    this.applied.add(id);
    this.acks.push(id);
    this.dirty = true;
  }

  /**
   * Inserts the next checkpoint: state, book and the events not yet in event_logs. A "step"
   * checkpoint is skipped when nothing changed; the others mark the run leaving the worker.
   * Throws LeaseLost when another worker continued first. Events are durable from here on
   * (in the checkpoint), published on the bus at once, and copied to event_logs in batches
   * (every exit copies them at once; `flush: false` leaves that to the caller).
   */
  async persist(kind: CheckpointKind = "step", options: { flush?: boolean } = {}): Promise<void> {
    if (kind === "step" && !this.dirty) return;
    // Renew on the write path too, so a busy database delaying the timer's renewals does not let the lease lapse.
    if (this.leaseUntil - Date.now() < this.deps.config.leaseMs / 2) await this.renew();
    if (this.lost || Date.now() > this.leaseUntil) {
      this.loseLease("its lease ran out before a write");
      throw new LeaseLost(this.runId);
    }
    const copy = { state: this.state, seq: this.seq, pendingEvents: this.unflushed, book: this.book, meta: this.meta };
    const historyLength = this.book.history.length;
    this.dirty = false;
    this.effectDoneAt = null;
    if (!(await insertCheckpoint({ runId: this.runId, v: this.v + 1, kind, owner: this.deps.owner, token: this.token, copy, historyFrom: this.historyPersisted }))) {
      this.loseLease("another worker wrote the next checkpoint first");
      throw new LeaseLost(this.runId);
    }
    this.v += 1;
    this.historyPersisted = historyLength;
    const fresh = this.unflushed.filter((e) => e.seq > this.published);
    if (fresh.length > 0) {
      this.published = fresh[fresh.length - 1].seq;
      publishEvents(this.runId, fresh);
    }
    if (this.acks.length > 0) {
      const acks = this.acks;
      this.acks = [];
      await markApplied(acks);
    }
    const due = this.unflushed.length >= FLUSH_EVENTS || runClock.now() - (this.unflushed[0]?.at ?? Infinity) >= FLUSH_MS;
    if ((kind !== "step" && options.flush !== false) || due) await this.flushEvents();
  }

  /** Copies the events persisted in checkpoints to event_logs. */
  async flushEvents(): Promise<void> {
    const events = this.unflushed;
    if (events.length === 0) return;
    await insertEvents(events);
    this.unflushed = this.unflushed.slice(events.length);
  }

  loseLease(why = "the run was taken over"): void {
    if (process.env.SWITCHYARD_DEBUG && !this.lost) console.error(`[runtime] ${this.deps.owner} let go of run ${this.runId}: ${why}`);
    this.lost = true;
    this.abortAll("the worker lost the run to another worker");
    this.wake();
  }

  wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = null;
    wake?.();
  }

  /** Stop after the steps in flight; the worker hands the run back. */
  stop(): void {
    this.stopping = true;
    this.wake();
  }

  get busy(): boolean {
    return this.runner.busy;
  }

  abortAll(reason: string): void {
    this.runner.abortAll(reason);
  }

  private renewing: Promise<void> | null = null;

  /** Extends the lease and looks for messages posted from other processes (one renewal at a time). */
  renew(): Promise<void> {
    this.renewing ??= this.renewNow().finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async renewNow(): Promise<void> {
    if (this.lost) return;
    const sentAt = Date.now();
    if (sentAt > this.leaseUntil) return this.loseLease("its lease ran out before it was renewed");
    const until = new Date(sentAt + this.deps.config.leaseMs);
    const renewed = await renewLease(this.runId, this.deps.owner, this.token, until);
    if (renewed === "gone") return this.loseLease("its queue entry is gone");
    if (renewed === "other") {
      // Another claimer wrote the entry. The run is ours while nobody continued our chain.
      if (await checkpointExists(this.runId, this.v + 1)) return this.loseLease("another worker continued the run");
      await reassertLease(this.runId, this.deps.owner, this.token, until);
    }
    this.leaseUntil = sentAt + this.deps.config.leaseMs - this.margin;
    await this.refreshMessages();
  }

  async refreshMessages(): Promise<void> {
    this.messages = await pendingMessages(this.runId);
    if (this.hasUnappliedMessages()) this.wake();
  }

  hasUnappliedMessages(): boolean {
    return this.messages.some((m) => !this.applied.has(m.id) && this.couldApply(m));
  }

  /** An answer for a step that has not started waiting yet waits for it. */
  private couldApply(message: PendingMessage): boolean {
    if (message.body?.kind !== "resume") return true;
    const { stepId } = message.body;
    const token = this.state.tokens.find((t) => t.stepId === stepId);
    return !token || token.state === "waiting" || isTerminal(this.state.status);
  }

  /** A step of the engine's own node types, run by its built-in executor: no effect outside the state. */
  private isPure(step: Step): boolean {
    return step.builtin && (this.deps.executors[step.type] as unknown) === builtinExecutors[step.type];
  }

  /** Fails a replayed step whose worker already stopped too often (poison.ts); true when it did. */
  private failIfPoisoned(step: Step, now: number): boolean {
    const failure = poisonFailure(this.state, step, poisonLimit(this.graph));
    if (!failure) return false;
    this.accept(applyStepResult(this.state, this.graph, step, failure, now));
    return true;
  }

  /** Runs a step's executor with services bound to it; the loop applies its result. */
  launch(step: Step): void {
    const extras: StepExtras = { input: step.input, logs: [] };
    this.extras.set(step.stepId, extras);
    if (this.usePin(step, extras)) return;
    this.runner.launch(step, sessionServices(this, step, extras));
  }

  /** A test run of the draft takes a pinned output instead of running the executor; published runs never do. */
  private usePin(step: Step, extras: StepExtras): boolean {
    const result = pinnedResult(step.node, { draft: this.meta.version === null });
    const pin = pinOf(step.node);
    if (!result || !pin) return false;
    extras.logs?.push(`pinned output used: pinned ${pin.pinnedAt}; the step's executor did not run`);
    this.addEvents([{ type: "pinned_output", at: runClock.now(), nodeId: step.nodeId, stepId: step.stepId, attempt: step.attempt, pinnedAt: pin.pinnedAt, pinnedBy: pin.pinnedBy }]);
    this.runner.settle(step, result);
    return true;
  }

  /** Applies the results that arrived, one at a time, each to the latest state; true when a step with effects was among them. */
  private applyResults(): boolean {
    let effects = false;
    for (const { step, result } of this.runner.take()) {
      this.accept(applyStepResult(this.state, this.graph, step, result, runClock.now()));
      this.extras.delete(step.stepId);
      if (!this.isPure(step)) effects = true;
    }
    return effects;
  }

  /** Milliseconds until the loop must look again by itself: the run's wake-up, or the record of a finished effect. */
  private untilNextWrite(): number | undefined {
    const now = runClock.now();
    const wake = this.state.wakeAt === undefined ? undefined : this.state.wakeAt - now;
    const record = this.effectDoneAt === null ? undefined : this.effectDoneAt + EFFECT_RECORD_MS - now;
    if (wake === undefined) return record;
    return record === undefined ? wake : Math.min(wake, record);
  }

  /** Waits for a result, a message, a stop, or `ms` (the next wake-up). */
  private async waitForActivity(ms?: number): Promise<void> {
    if (this.runner.hasResults || this.lost || this.hasUnappliedMessages()) return;
    await new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.wake(), Math.max(0, ms));
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * The loop. Returns how the session ended; throws LeaseLost when another worker took the run,
   * anything else only for unexpected failures (the run is then taken over from its last
   * checkpoint once the lease runs out).
   */
  async drive(exit: { release(): Promise<void>; finish(): Promise<void>; handBack(): Promise<void> }): Promise<"finished" | "released" | "handed-back"> {
    let includeStarted = true;
    for (;;) {
      if (this.lost) throw new LeaseLost(this.runId);
      const now = runClock.now();
      applyMessages(this, now);
      if (!isTerminal(this.state.status) && this.state.wakeAt !== undefined && now >= this.state.wakeAt) this.accept(tick(this.state, this.graph, now));
      if (isTerminal(this.state.status)) {
        this.abortAll("the run has ended");
        await exit.finish();
        return "finished";
      }
      const found = this.stopping ? [] : nextSteps(this.state, this.graph, now, { includeStarted }).filter((s) => !this.runner.running(s.stepId));
      includeStarted = false;
      const steps = found.filter((step) => !this.failIfPoisoned(step, now));
      // A poisoned step's failure may have readied its error output: look for steps again.
      if (steps.length === 0 && found.length > 0) continue;
      for (const step of steps) this.accept(beginStep(this.state, this.graph, step.stepId, now));
      if (this.grouped === 0) this.groupedSince = now;
      this.grouped += steps.length;
      // Pure steps share checkpoints; a step with effects is recorded as begun before it starts,
      // and a finished one within EFFECT_RECORD_MS, whichever comes first.
      const { groupPureSteps, groupPureMs } = this.deps.config;
      const effectWaiting = this.effectDoneAt !== null && now - this.effectDoneAt >= EFFECT_RECORD_MS;
      if (steps.length === 0 || !steps.every((s) => this.isPure(s)) || effectWaiting || this.grouped >= groupPureSteps || now - this.groupedSince >= groupPureMs) {
        await this.persist();
        this.grouped = 0;
      }
      for (const step of steps) this.launch(step);
      if (!this.busy && !this.hasUnappliedMessages()) {
        if (this.stopping) {
          await exit.handBack();
          return "handed-back";
        }
        const untilWake = this.state.wakeAt === undefined ? Infinity : this.state.wakeAt - runClock.now();
        if (untilWake > this.deps.config.holdMs) {
          await exit.release();
          return "released";
        }
      }
      await this.waitForActivity(this.untilNextWrite());
      // A finished effect must never run again: it is recorded before the next step with effects
      // starts, before the run waits or ends, and at most EFFECT_RECORD_MS after it finished.
      if (this.applyResults()) this.effectDoneAt ??= runClock.now();
    }
  }
}
