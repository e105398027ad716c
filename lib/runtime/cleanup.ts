// Deleting the checkpoints of runs that left the workers. A chain must outlive its run's exit by
// a lease length (a worker still continuing from an old version must find the next _id taken,
// see models/LiveRun.ts); then it goes, in batches: one delete per few seconds for every run
// that became due, instead of one per run (each delete reads the whole collection on the
// embedded FerretDB). Runs a dying process leaves behind are deleted by the sweeper.
import { deleteChains } from "./live-store";

interface Due {
  runId: string;
  upTo: number;
  at: number;
}

interface Cleaner {
  due: Due[];
  timer: ReturnType<typeof setInterval> | null;
}

const holder = globalThis as unknown as { __switchyardCleaner?: Cleaner };
const cleaner = (holder.__switchyardCleaner ??= { due: [], timer: null });

async function flush(now = Date.now()): Promise<void> {
  const ready = cleaner.due.filter((d) => d.at <= now);
  if (ready.length === 0) return;
  cleaner.due = cleaner.due.filter((d) => d.at > now);
  try {
    await deleteChains(ready);
  } catch {
    cleaner.due.push(...ready); // next time
  }
}

/** The run left the workers at version `upTo`: delete its chain after `delayMs` unless taken up again. */
export function retireChain(runId: string, upTo: number, delayMs: number): void {
  cleaner.due.push({ runId, upTo, at: Date.now() + delayMs });
  if (!cleaner.timer) {
    cleaner.timer = setInterval(() => void flush(), Math.min(Math.max(delayMs / 4, 500), 5_000));
    cleaner.timer.unref?.();
  }
}

/** For tests and a stopping process: delete what is due now. */
export function flushRetired(now?: number): Promise<void> {
  return flush(now);
}
