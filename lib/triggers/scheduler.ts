import "server-only";
// The scheduler loop, run in every process that runs a worker (the web server's in-process
// worker and `npm run worker`). Each process keeps its own plan of next fire times, read from the
// small triggers collection every second, and fires every due time; which process starts the
// run is decided by inserting the trigger_fires document `<triggerId>:<fireTimeISO>` — exactly
// one insert succeeds however many processes race (FerretDB's conditional updates would not be
// atomic). Time is the run clock (lib/runtime/clock.ts) so tests can move it across a DST change.
import { hostname } from "node:os";
import type { Cron } from "croner";
import { runClock } from "@/lib/runtime/clock";
import { Trigger } from "@/models/Trigger";
import { TriggerFire } from "@/models/TriggerFire";
import { TriggerPending } from "@/models/TriggerPending";
import { checkCron, previousFire } from "./cron";
import { checkFiring, startFiring } from "./fire";
import { fireId, runIdFor } from "./ids";
import { recoverPending } from "./recovery";
import { startPickup } from "./webhook/pickup";
import { scheduleInput } from "./schedule-input";

export interface SchedulerOptions {
  now?: () => number;
  /** How often due times are looked for (lateness is at most about this). */
  tickMs?: number;
  /** How often the triggers collection is read. */
  reloadMs?: number;
  /** How often pending firings of dead processes are finished (0: never). */
  recoveryMs?: number;
  /** Start the deliveries that processes without a worker accepted (lib/triggers/webhook/pickup.ts); default true. */
  pickup?: boolean;
  /** A due time this late was missed (the process stalled, or the clock jumped): the missed-fire policy applies. */
  missedAfterMs?: number;
  log?: (message: string, error?: unknown) => void;
}

interface Entry {
  key: string;
  triggerId: string;
  workflowId: string;
  cron: Cron;
  next: Date | null;
  missed: "skip" | "runOnce";
  armedAt: Date;
}

export class Scheduler {
  private readonly entries = new Map<string, Entry>();
  private timers: ReturnType<typeof setInterval>[] = [];
  private inFlight = new Set<Promise<unknown>>();
  private stopPickup?: () => Promise<void>;
  private readonly now: () => number;
  private readonly process = `${hostname()}:${process.pid}`;
  /** Fire times this process claimed (inserted) — for tests and the benchmark. */
  claimed = 0;

  constructor(private readonly options: SchedulerOptions = {}) {
    this.now = options.now ?? runClock.now;
  }

  private log(message: string, error?: unknown) {
    (this.options.log ?? ((m, e) => console.error(`[scheduler] ${m}`, e ?? "")))(message, error);
  }

  private track(promise: Promise<unknown>) {
    const p = promise.catch((e) => this.log("a trigger step failed", e)).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  async start(): Promise<this> {
    await this.reload();
    this.timers.push(setInterval(() => this.tick(), this.options.tickMs ?? 100));
    this.timers.push(setInterval(() => this.track(this.reload()), this.options.reloadMs ?? 1_000));
    const recoveryMs = this.options.recoveryMs ?? 2_000;
    if (recoveryMs > 0) this.timers.push(setInterval(() => this.track(recoverPending()), recoveryMs));
    if (this.options.pickup ?? true) this.stopPickup = startPickup((m, e) => this.log(m, e));
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.stopPickup?.();
    this.stopPickup = undefined;
    await Promise.all([...this.inFlight]);
  }

  /** Reads the schedules; a new or changed one gets a fresh plan (and its "run once" catch-up). */
  async reload(): Promise<void> {
    const docs = await Trigger.find({ kind: "schedule" }, { enabled: 1, schedule: 1, armedAt: 1, workflowId: 1 }).lean();
    const seen = new Set<string>();
    for (const doc of docs) {
      const s = doc.schedule;
      if (!doc.enabled || !s) continue;
      seen.add(doc._id);
      const armedAt = new Date(doc.armedAt);
      const key = [s.cron, s.timezone, s.startAt?.toISOString(), s.endAt?.toISOString(), s.missed, armedAt.toISOString()].join("|");
      if (this.entries.get(doc._id)?.key === key) continue;
      const checked = checkCron(s.cron, s.timezone, { startAt: s.startAt, endAt: s.endAt });
      if (!checked.ok) {
        this.log(`trigger ${doc._id}: ${checked.message}`);
        continue;
      }
      const now = new Date(this.now());
      const entry: Entry = { key, triggerId: doc._id, workflowId: doc.workflowId, cron: checked.cron, next: checked.cron.nextRun(now), missed: s.missed === "runOnce" ? "runOnce" : "skip", armedAt };
      this.entries.set(doc._id, entry);
      if (entry.missed === "runOnce") this.catchUp(entry, now);
    }
    for (const id of this.entries.keys()) if (!seen.has(id)) this.entries.delete(id);
  }

  /** "Run once": the latest fire time before now, if it came after the trigger was armed and nobody fired it. */
  private catchUp(entry: Entry, now: Date): void {
    const missed = previousFire(entry.cron, now);
    if (missed && missed >= entry.armedAt) this.track(this.fire(entry, missed, true));
  }

  tick(): void {
    const now = this.now();
    for (const entry of this.entries.values()) {
      while (entry.next && entry.next.getTime() <= now) {
        const due = entry.next;
        if (now - due.getTime() > (this.options.missedAfterMs ?? 30_000)) {
          entry.next = entry.cron.nextRun(new Date(now));
          if (entry.missed === "runOnce") this.catchUp(entry, new Date(now));
          break;
        }
        entry.next = entry.cron.nextRun(due);
        this.track(this.fire(entry, due, false));
      }
    }
  }

  /** The next fire times this process has planned, by trigger (for tests). */
  planned(): Map<string, Date | null> {
    return new Map([...this.entries].map(([id, e]) => [id, e.next]));
  }

  private async fire(entry: Entry, due: Date, catchUp: boolean): Promise<void> {
    // An inactive trigger (turned off, workflow unpublished or archived) fires nothing and
    // records nothing; an owner who lost the right is recorded as a refused firing below.
    const check = await checkFiring(entry.triggerId);
    if (!check.ok && check.code === "inactive") return;
    const id = fireId(entry.triggerId, due);
    const runId = runIdFor(id);
    // The marker first (shared by every process racing for this time): a process killed between
    // the two inserts leaves a marker the recovery pass finishes, never a claimed time without a run.
    await TriggerPending.create({ _id: id, kind: "schedule", at: new Date() }).catch((error: { code?: number }) => {
      if (error.code !== 11000) throw error;
    });
    try {
      await TriggerFire.create({ _id: id, triggerId: entry.triggerId, workflowId: entry.workflowId, fireTime: due, firedAt: new Date(this.now()), runId, catchUp, process: this.process });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return; // another process fires this time
      throw error;
    }
    this.claimed++;
    await startFiring({ id, kind: "schedule", triggerId: entry.triggerId, runId, at: due, input: scheduleInput(due, catchUp) });
  }
}

const holder = globalThis as unknown as { __switchyardScheduler?: Scheduler };

/** The process's scheduler (one per process, kept on globalThis like the in-process worker). */
export async function startScheduler(options: SchedulerOptions = {}): Promise<Scheduler> {
  if (!holder.__switchyardScheduler) holder.__switchyardScheduler = await new Scheduler(options).start();
  return holder.__switchyardScheduler;
}

export async function stopScheduler(): Promise<void> {
  const scheduler = holder.__switchyardScheduler;
  holder.__switchyardScheduler = undefined;
  await scheduler?.stop();
}
