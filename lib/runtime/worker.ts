// A worker: claims runnable runs from the queue and drives each in a session, up to
// `concurrency` at once, renewing their leases on one timer. The web server runs one in-process
// (instrumentation.ts); `npm run worker` runs more (scripts/worker.ts).
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { ExecutorMap } from "@/lib/engine/executor";
import { executors as defaultExecutors } from "@/lib/nodes/executors";
import { onNudge, onWork } from "./bus";
import { runtimeConfig, type RuntimeConfig } from "./config";
import { serviceProviders } from "./providers";
import { claimCandidates, claimRun, handBack, type QueueEntry } from "./queue";
import { unparkTick } from "./parking";
import { LeaseLost, type RunSession } from "./session";
import { exitsFor } from "./session-exit";
import { openSession } from "./session-open";
import type { RuntimeServices } from "./services";
import type { ServiceProviders } from "./step-services";
import { sweep } from "./sweep";

/** How long a run that stopped on an error rests before a worker takes it up again. */
const ERROR_PAUSE_MS = 1_000;
/** Claims sent together when that many slots are free. */
const CLAIMS_AT_ONCE = 8;

export interface WorkerOptions {
  owner?: string;
  config?: Partial<RuntimeConfig>;
  executors?: ExecutorMap<RuntimeServices>;
  providers?: ServiceProviders;
  /** Look for orphaned runs and leaked slots this often (0: never). */
  sweepMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Workers started and not stopped in this process, on globalThis: Next.js bundles the
 * instrumentation hook that starts the in-process worker apart from the route handlers that ask.
 */
const workersHere = globalThis as unknown as { __switchyardWorkersHere?: number };

/** Whether this process runs runs: a webhook delivery it accepts is started here, else by a worker process (lib/triggers/webhook/pickup.ts). */
export function workersRunHere(): boolean {
  return (workersHere.__switchyardWorkersHere ?? 0) > 0;
}

export class Worker {
  readonly owner: string;
  readonly config: RuntimeConfig;
  private readonly sessions = new Map<string, RunSession>();
  private readonly wanted: string[] = [];
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeLoop: () => void = () => {};
  private timers: ReturnType<typeof setInterval>[] = [];
  private unsubscribe: () => void = () => {};

  constructor(private readonly options: WorkerOptions = {}) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.config = runtimeConfig(options.config);
  }

  /**
   * Slots lent by steps blocked on another run (an agent waiting for its workflow tool's run):
   * without them, as many agents as slots would each wait for a child no slot is left to run.
   * While lent, the worker may hold more sessions than `concurrency`, but never more that are not waiting.
   */
  private lent = 0;

  private lendSlot(): () => void {
    this.lent += 1;
    this.wakeLoop();
    let returned = false;
    return () => {
      if (returned) return;
      returned = true;
      this.lent -= 1;
    };
  }

  get activeRuns(): number {
    return this.sessions.size;
  }

  private log(message: string, error?: unknown): void {
    (this.options.log ?? ((m, e) => console.error(`[worker ${this.owner}] ${m}`, e ?? "")))(message, error);
  }

  start(): this {
    if (this.running) return this;
    this.running = true;
    workersHere.__switchyardWorkersHere = (workersHere.__switchyardWorkersHere ?? 0) + 1;
    this.unsubscribe = onWork((runId) => {
      if (runId && !this.wanted.includes(runId) && this.wanted.length < 100) this.wanted.push(runId);
      this.wakeLoop();
    });
    this.timers.push(setInterval(() => this.renewAll(), this.config.renewMs));
    const sweepMs = this.options.sweepMs ?? 60_000;
    // Parked timers come back to the queue well before they are due (a third of the way ahead, at
    // least every 10 s: also what bounds the interval below setInterval's 24.8-day limit).
    const unparkMs = Math.min(10_000, Math.max(500, Math.floor(this.config.parkAheadMs / 3)));
    this.timers.push(setInterval(() => void unparkTick(this.config.parkAheadMs, unparkMs).catch((e) => this.log("waking parked timers failed", e)), unparkMs));
    if (sweepMs > 0) this.timers.push(setInterval(() => void sweep({ leaseMs: this.config.leaseMs }).catch((e) => this.log("sweep failed", e)), sweepMs));
    this.loopDone = this.loop();
    return this;
  }

  private renewAll(): void {
    for (const [runId, session] of this.sessions) session.renew().catch((e) => this.log(`renewing the lease on ${runId} failed`, e));
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeLoop = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Runs claimed and not yet let go (opening or driving): what the concurrency limit counts. */
  private inFlight = 0;

  private async loop(): Promise<void> {
    while (this.running) {
      const free = this.config.concurrency + this.lent - this.inFlight;
      if (free <= 0) {
        await this.idle(this.config.pollMs);
        continue;
      }
      // Several claims at once: each is two round trips, and one at a time they capped a busy
      // worker at the database's round-trip rate rather than at its slots.
      const claims = await Promise.allSettled(Array.from({ length: Math.min(free, CLAIMS_AT_ONCE) }, () => this.claimNext()));
      let claimed = 0;
      for (const claim of claims) {
        if (claim.status === "rejected") this.log("claiming failed", claim.reason);
        else if (claim.value) {
          claimed += 1;
          this.inFlight += 1;
          void this.work(claim.value).finally(() => {
            this.inFlight -= 1;
            this.wakeLoop();
          });
        }
      }
      if (claimed === 0 && this.wanted.length === 0) await this.idle(this.config.pollMs);
    }
  }

  private candidates: string[] = [];
  private candidatesAt = 0;
  private refreshing: Promise<void> | null = null;

  private refreshCandidates(): Promise<void> {
    this.refreshing ??= claimCandidates(Math.max(64, 4 * this.config.concurrency))
      .then((ids) => {
        this.candidates = ids.filter((id) => !this.sessions.has(id));
        this.candidatesAt = Date.now();
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /**
   * A run signalled in this process first, else one of the runnable runs found by the last read
   * of the queue, tried in random order so workers reading the same list rarely reach for the
   * same run.
   */
  private async claimNext(): Promise<QueueEntry | null> {
    const wanted = this.wanted.shift();
    if (wanted) {
      this.candidates = this.candidates.filter((id) => id !== wanted);
      return claimRun(wanted, this.owner, this.config.leaseMs);
    }
    // Reading the queue costs a pass over all of it on the embedded FerretDB: use the list until
    // it runs out (claimRun checks each entry again), and refresh a stale one only now and then.
    if (this.candidates.length === 0 || Date.now() - this.candidatesAt > Math.max(this.config.pollMs, 2_000)) await this.refreshCandidates();
    while (this.candidates.length > 0) {
      const [id] = this.candidates.splice(Math.floor(Math.random() * Math.min(this.candidates.length, 4)), 1);
      const entry = await claimRun(id, this.owner, this.config.leaseMs);
      if (entry) return entry;
    }
    return null;
  }

  private async work(entry: QueueEntry): Promise<void> {
    const runId = entry._id;
    let session: RunSession | null = null;
    let unsubscribe = () => {};
    try {
      session = await openSession(entry, { owner: this.owner, config: this.config, executors: this.options.executors ?? defaultExecutors, providers: this.options.providers ?? serviceProviders, lendSlot: () => this.lendSlot() });
      if (!session) return;
      if (!this.running) session.stop();
      this.sessions.set(runId, session);
      const current = session;
      unsubscribe = onNudge(runId, () => void current.refreshMessages().catch(() => {}));
      await session.drive(exitsFor(session));
    } catch (error) {
      // LeaseLost: another worker continues the run. Anything else (e.g. the embedded database
      // answering "database is locked" under load): hand the run back to be taken over from its
      // last checkpoint after a short pause, instead of after the whole lease. The checkpoint
      // chain fences any overlap; if even this write fails, the lease still runs out.
      if (!(error instanceof LeaseLost)) {
        this.log(`run ${runId} stopped on an unexpected error; it continues from its last checkpoint`, error);
        if (session) await handBack(runId, new Date(Date.now() + ERROR_PAUSE_MS)).catch(() => {});
      }
    } finally {
      unsubscribe();
      session?.abortAll("the worker let go of the run");
      if (session) this.sessions.delete(runId);
      this.wakeLoop();
    }
  }

  /**
   * Stops claiming, lets the steps in flight finish for up to graceMs, then hands every run back
   * (persisted) so another worker takes it at once.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    workersHere.__switchyardWorkersHere = (workersHere.__switchyardWorkersHere ?? 1) - 1;
    this.unsubscribe();
    this.wakeLoop();
    await this.loopDone;
    for (const session of this.sessions.values()) session.stop();
    const deadline = Date.now() + graceMs;
    while (this.sessions.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const session of this.sessions.values()) {
      session.abortAll("the worker is stopping");
      session.wake();
    }
    const last = Date.now() + 5_000;
    while (this.sessions.size > 0 && Date.now() < last) await new Promise((r) => setTimeout(r, 20));
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }
}
