// Short human durations for chips and banners: 850 ms, 2.4 s, 3 min 5 s, 2 h 10 min.
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.round((ms % 60_000) / 1_000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const WAITS: Record<string, string> = { human: "for a person", subprocess: "for a sub-workflow", timer: "on a timer" };

/** What a waiting step waits for, from the engine's wait reason. */
export function waitLabel(reason: string | null): string | null {
  return reason ? (WAITS[reason] ?? reason) : null;
}
