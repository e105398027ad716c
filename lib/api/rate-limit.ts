// A per-key request budget: a fixed one-minute window counted in this process. Kept in memory
// on purpose: counting in the database would cost a conditional write per request, and
// FerretDB's $inc is not atomic anyway (DESIGN.md). With several app processes each allows the
// budget, which is the documented meaning of the limit ("per key and per process").

export const DEFAULT_REQUESTS_PER_MINUTE = 600;
const WINDOW_MS = 60_000;

export interface Verdict {
  allowed: boolean;
  /** Seconds until the window resets, when refused. */
  retryAfterSeconds: number;
}

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: () => number) {}

  take(key: string, now = Date.now()): Verdict {
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.forgetOld(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit()) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)) };
    window.count += 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }

  private forgetOld(now: number) {
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/** The limit from SWITCHYARD_API_RATE_LIMIT (requests per key per minute), read on each request so it can be changed without a restart of tests. */
export function configuredLimit(): number {
  const value = Number(process.env.SWITCHYARD_API_RATE_LIMIT);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_REQUESTS_PER_MINUTE;
}

export const apiRateLimiter = new RateLimiter(configuredLimit);
