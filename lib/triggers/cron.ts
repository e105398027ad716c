// Cron expressions and time zones, checked and evaluated with croner. Pure, so the panel's form
// shows the same messages as the server. Five fields (minute precision) or six (seconds first).
import { Cron } from "croner";

export type CronCheck = { ok: true; cron: Cron } | { ok: false; field: "cron" | "timezone"; message: string };

/** Whether the IANA time zone is known to this runtime ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** croner's messages start with its class name ("CronPattern: Invalid value for minute: 61"): drop it. */
function croneMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Cron\w*:\s*/, "");
}

export function checkCron(expression: string, timezone: string, window: { startAt?: Date | null; endAt?: Date | null } = {}): CronCheck {
  const pattern = expression.trim().replace(/\s+/g, " ");
  const parts = pattern.split(" ").length;
  if (!pattern) return { ok: false, field: "cron", message: "Enter a cron expression, e.g. 0 9 * * 1-5" };
  if (parts < 5 || parts > 6) {
    return { ok: false, field: "cron", message: `A cron expression has 5 fields (minute hour day month weekday) or 6 with seconds first; this one has ${parts}` };
  }
  if (!isTimeZone(timezone)) return { ok: false, field: "timezone", message: `"${timezone}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)` };
  try {
    const cron = new Cron(pattern, {
      paused: true,
      timezone,
      mode: "5-or-6-parts",
      ...(window.startAt ? { startAt: window.startAt } : {}),
      ...(window.endAt ? { stopAt: window.endAt } : {}),
    });
    return { ok: true, cron };
  } catch (error) {
    return { ok: false, field: "cron", message: `Not a valid cron expression: ${croneMessage(error)}` };
  }
}

/** The next `count` fire times strictly after `from`. */
export function nextFires(cron: Cron, count: number, from: Date): Date[] {
  return cron.nextRuns(count, from);
}

/** The latest fire time at or before `at` (for a "run once" catch-up), or null. */
export function previousFire(cron: Cron, at: Date): Date | null {
  return cron.previousRuns(1, new Date(at.getTime() + 1))[0] ?? null;
}
