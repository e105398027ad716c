import { LoginAttempt } from "@/models/LoginAttempt";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;

export interface RateLimitState {
  blocked: boolean;
  /** Seconds until another attempt is allowed, when blocked. */
  retryAfterSeconds: number;
}

function keys(email: string, ip: string | null): string[] {
  const out = [`email:${email.toLowerCase()}`];
  if (ip) out.push(`ip:${ip}`);
  return out;
}

/** Blocked when either the email or the IP has MAX_FAILURES failures in the last WINDOW_MS. */
export async function loginRateLimit(email: string, ip: string | null, now = Date.now()): Promise<RateLimitState> {
  const docs = await LoginAttempt.find({ _id: { $in: keys(email, ip) } }).lean();
  let retryAfter = 0;
  for (const doc of docs) {
    const recent = (doc.failures as unknown as Date[]).map((d) => new Date(d).getTime()).filter((t) => t > now - WINDOW_MS).sort((a, b) => a - b);
    if (recent.length >= MAX_FAILURES) {
      const freeAt = recent[recent.length - MAX_FAILURES] + WINDOW_MS;
      retryAfter = Math.max(retryAfter, Math.ceil((freeAt - now) / 1000));
    }
  }
  return { blocked: retryAfter > 0, retryAfterSeconds: retryAfter };
}

export async function recordLoginFailure(email: string, ip: string | null, now = Date.now()): Promise<void> {
  const cutoff = new Date(now - WINDOW_MS);
  await Promise.all(
    keys(email, ip).map(async (_id) => {
      await LoginAttempt.updateOne({ _id }, { $push: { failures: new Date(now) } }, { upsert: true });
      await LoginAttempt.updateOne({ _id }, { $pull: { failures: { $lt: cutoff } } });
    }),
  );
}

export async function clearLoginFailures(email: string): Promise<void> {
  await LoginAttempt.deleteOne({ _id: `email:${email.toLowerCase()}` });
}
