import "server-only";
// The retention job: runs beside the workers (lib/runtime/in-process.ts, scripts/worker.ts).
// Every tick prunes at most BATCH runs of the current pass, one after another, then pauses, so
// the live runs' writes get the database between its small writes. When a pass is done it saves
// the watermarks; a new survey starts at most once per SURVEY_EVERY_MS, in one process only.
// See pass.ts for how candidates are found without scanning big collections.
// Measured (embedded FerretDB, test database, machine load ≈ 8): a 20-step run (42 events)
// prunes in ~170 ms, ~4 ms per event deleted by _id; so a batch of 50 takes ~8.5 s of small
// sequential writes, then the pause: ~13,000 runs an hour at most, far above what finishes.
import { pruneAll, saveWatermarks, survey, claimSurvey, type Survey } from "./pass";

/** A whole number of ms from the environment, at least `min`; a bad value says so and the default applies. */
function envMs(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= min) return value;
  console.warn(`[retention] ${name} must be a whole number of milliseconds of at least ${min}, not "${raw}"; using ${fallback}.`);
  return fallback;
}

const SURVEY_EVERY_MS = envMs("SWITCHYARD_RETENTION_SURVEY_MS", 3_600_000, 60_000);
const PAUSE_MS = envMs("SWITCHYARD_RETENTION_PAUSE_MS", 5_000, 100);
/** How often an idle job looks whether a new survey is due. */
const IDLE_MS = 60_000;
const BATCH = 50;

interface JobState {
  timer: ReturnType<typeof setTimeout> | null;
  current: (Survey & { left: Survey["selection"]["candidates"]; pruned: number }) | null;
  nextSurveyAt: number;
  running: boolean;
}

const holder = globalThis as unknown as { __switchyardRetention?: JobState };

async function tick(job: JobState): Promise<number> {
  const now = Date.now();
  if (!job.current) {
    if (now < job.nextSurveyAt) return IDLE_MS;
    job.nextSurveyAt = (Math.floor(now / SURVEY_EVERY_MS) + 1) * SURVEY_EVERY_MS;
    if (!(await claimSurvey(now, SURVEY_EVERY_MS))) return IDLE_MS; // another process surveys this period
    const found = await survey(new Date(now));
    job.current = { ...found, left: [...found.selection.candidates], pruned: 0 };
  }
  const current = job.current;
  const batch = current.left.splice(0, BATCH);
  if (batch.length) current.pruned += (await pruneAll(batch, new Date())).pruned;
  if (current.left.length === 0) {
    await saveWatermarks(current.selection.next, current.pruned, current.at);
    if (current.pruned) console.log(`[retention] pruned ${current.pruned} finished run(s)`);
    job.current = null;
    return IDLE_MS;
  }
  return PAUSE_MS;
}

function schedule(job: JobState, ms: number) {
  if (!job.running) return;
  job.timer = setTimeout(() => {
    tick(job)
      .catch((error: unknown) => {
        console.error("[retention] tick failed; trying again later:", error);
        return IDLE_MS;
      })
      .then((next) => schedule(job, next));
  }, ms);
  job.timer.unref?.();
}

/** Starts the job once per process (kept on globalThis, so a dev reload does not start a second). */
export function startRetentionJob(): void {
  const job = (holder.__switchyardRetention ??= { timer: null, current: null, nextSurveyAt: 0, running: false });
  if (job.running || process.env.SWITCHYARD_RETENTION === "off") return;
  job.running = true;
  schedule(job, PAUSE_MS); // not at once: let the server and workers start first
}

export function stopRetentionJob(): void {
  const job = holder.__switchyardRetention;
  if (!job) return;
  job.running = false;
  if (job.timer) clearTimeout(job.timer);
  job.timer = null;
}
