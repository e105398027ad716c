// The runtime's timing knobs, from the environment so tests and benchmarks can shrink them.
export interface RuntimeConfig {
  /** How long a claim lasts without renewal; a crashed worker's runs are taken over after it. */
  leaseMs: number;
  /** How often a worker renews its leases (and looks for messages from other processes). */
  renewMs: number;
  /** How often an idle worker looks for work (a local enqueue wakes it at once). */
  pollMs: number;
  /** How long a run that found every concurrency slot taken waits before it is tried again. */
  slotRetryMs: number;
  /** Runs one worker works on at once. */
  concurrency: number;
  /** A run whose next wake-up is this close keeps its lease and waits instead of being released. */
  holdMs: number;
  /**
   * How many steps of the engine's own pure node types (set, decision, parallel, start, end,
   * timer) may share one checkpoint. A pure step's result is a function of the run state, so
   * one not yet recorded is simply computed again after a crash; steps with effects (HTTP, AI,
   * script, human, sub-workflow, notification) are always persisted before they start and right
   * after they finish, so a recorded effect never runs again. 1 persists after every step.
   */
  groupPureSteps: number;
  /** …and for how long: a run of pure steps is persisted at least this often, so progress shows live. */
  groupPureMs: number;
  /** A run whose timer is further away than this sleeps outside run_queue (lib/runtime/parking.ts). */
  parkAheadMs: number;
}

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  return value;
}

/**
 * Runs one worker works on at once. Most of a run's time is spent waiting for the database or
 * an outside service, so more runs at once let the group commit (lib/db/group-commit.ts) fill
 * its batches: on the embedded database 16 gave about 45 runs/s of the 20-step benchmark where
 * 4 gave 27 (README, Benchmarks).
 */
export const DEFAULT_CONCURRENCY = 16;

export function runtimeConfig(overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  const leaseMs = overrides.leaseMs ?? intFromEnv("SWITCHYARD_LEASE_MS", 10_000, 500);
  return {
    leaseMs,
    renewMs: overrides.renewMs ?? Math.max(100, Math.min(Math.floor(leaseMs / 3), 2_000)),
    pollMs: overrides.pollMs ?? intFromEnv("SWITCHYARD_POLL_MS", 500, 10),
    slotRetryMs: overrides.slotRetryMs ?? intFromEnv("SWITCHYARD_SLOT_RETRY_MS", 2_000, 10),
    concurrency: overrides.concurrency ?? intFromEnv("SWITCHYARD_WORKER_CONCURRENCY", DEFAULT_CONCURRENCY, 1),
    holdMs: overrides.holdMs ?? 250,
    groupPureSteps: overrides.groupPureSteps ?? intFromEnv("SWITCHYARD_GROUP_PURE_STEPS", 100, 1),
    groupPureMs: overrides.groupPureMs ?? intFromEnv("SWITCHYARD_GROUP_PURE_MS", 250, 0),
    parkAheadMs: overrides.parkAheadMs ?? intFromEnv("SWITCHYARD_PARK_AHEAD_MS", 30_000, 1_000),
  };
}

/**
 * Database connections of a worker process (`npm run worker`): how many of its commands may be
 * at the database at once. On the embedded FerretDB every command queues for the same CPU, so a
 * worker with fewer connections leaves more room to the web server beside it (webhook 202s, pages)
 * and runs somewhat fewer runs a second; measured in docs/triggers.md ("Worker connections").
 * The web server's own in-process worker shares the server's pool.
 */
export function workerDbConnections(): number {
  return intFromEnv("SWITCHYARD_WORKER_DB_CONNECTIONS", 20, 1);
}
