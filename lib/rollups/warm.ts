// Reads the last half year of roll-ups into this process's cache right after it starts, in the
// background, so the first dashboard view does not pay for it: readable day documents cost the
// embedded FerretDB ~7–14 µs per value to return (docs/data.md), measured 2–4 s for 100k runs
// on a cold cache against ~40 ms warm.
import { readDays } from "./store";

const WARM_DAYS = 180;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function warmRollups(now = Date.now()): void {
  const started = performance.now();
  readDays(isoDay(now - WARM_DAYS * 86_400_000), isoDay(now + 86_400_000))
    .then((rows) => {
      if (process.env.SWITCHYARD_DEBUG) console.log(`[rollups] warmed ${rows.length} rows in ${Math.round(performance.now() - started)} ms`);
    })
    .catch((error: unknown) => console.error("[rollups] warming the dashboard cache failed (the first view reads it instead):", error));
}
