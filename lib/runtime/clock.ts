// The time a run records: its events, steps, timers, waits and history. Wall time, shifted by
// an offset that only the demo seeder sets (scripts/seed-demo.ts), so demo runs go through the
// real engine yet carry past timestamps, and a scripted approver's "three hours later" is a
// jump of the offset, not a wait. Leases, polling and flushing deadlines stay on wall time.
let offsetMs = 0;

export const runClock = {
  now: (): number => Date.now() + offsetMs,
};

/** Shifts the run clock to `at` (ms since the epoch); 0 offset again with resetRunClock(). */
export function setRunClockTo(at: number): void {
  offsetMs = at - Date.now();
}

export function resetRunClock(): void {
  offsetMs = 0;
}
