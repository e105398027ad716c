// How run figures read on the run pages: durations, money, token counts, moments. Pure.

/** "850 ms", "12.4 s", "3 min 05 s", "2 h 04 min". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const totalSeconds = Math.round(ms / 1_000);
  if (totalSeconds < 3_600) return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, "0")} s`;
  const minutes = Math.floor(totalSeconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** US dollars, with enough decimals to show what an AI call costs: "$0.0042", "$1.25", "$0". */
export function formatCost(usd: number | null | undefined): string {
  if (usd == null || !Number.isFinite(usd) || usd === 0) return "$0";
  if (Math.abs(usd) < 0.01) return `$${usd.toPrecision(2).replace(/0+$/, "")}`;
  return `$${usd.toFixed(2)}`;
}

export function formatCount(n: number | null | undefined): string {
  return new Intl.NumberFormat("en-US").format(n ?? 0);
}

// One formatter for the whole app: building one per call shows when a long list scrolls.
const MOMENT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone: "UTC" });

/**
 * "22 Nov 2026, 13:42:05 UTC": the one way the app writes a moment (run pages, the inbox, tasks,
 * notifications), in UTC so server and browser render the same text.
 */
export function formatMoment(iso: string | number | Date | null | undefined): string {
  if (iso == null || iso === "") return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return `${MOMENT.format(d)} UTC`;
}

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "22 Nov 2026" (UTC): a day, where the hour does not matter (when a run was pruned). */
export function formatDay(iso: string | number | Date | null | undefined): string {
  if (iso == null || iso === "") return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "—" : DAY.format(d);
}

/** "13:42:05.123" (UTC): a timeline's clock. */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return d.toISOString().slice(11, 23);
}
