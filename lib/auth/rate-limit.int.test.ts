import { describe, expect, it } from "vitest";
import { LoginAttempt } from "@/models/LoginAttempt";
import {
  admitLoginAttempt,
  CEILING_WINDOW_MS,
  delayAfter,
  EMAIL_CEILING,
  FIRST_DELAY_MS,
  FREE_FAILURES,
  MAX_DELAY_MS,
  recordLoginFailure,
  recordLoginSuccess,
  TICKET_STALE_MS,
  type Admission,
} from "./rate-limit";

/** One wrong password from `address` at `now`; returns the refusal when the attempt was not admitted. */
async function fail(email: string, address: string, now: number): Promise<Admission> {
  const admitted = await admitLoginAttempt(email, address, now);
  if (admitted.ok) await recordLoginFailure(admitted.ticket, now);
  return admitted;
}

/** Failures `count` times from `address`, each as soon as the delay allows; returns the time after the last. */
async function failPatiently(email: string, address: string, count: number, from: number): Promise<number> {
  let now = from;
  for (let i = 0; i < count; i++) {
    now += delayAfter(i) + 1;
    const admitted = await fail(email, address, now);
    expect(admitted.ok).toBe(true);
  }
  return now;
}

describe("sign-in throttling (real database)", () => {
  it("an attacker address failing 50 times does not stop the owner's address from signing in", async () => {
    const email = "admin@throttle.test";
    const start = Date.now();
    const last = await failPatiently(email, "203.0.113.66", 50, start);
    // The attacker is slowed: the next try from their address must wait the maximum delay.
    const refused = await admitLoginAttempt(email, "203.0.113.66", last + 1);
    expect(refused).toMatchObject({ ok: false, reason: "pair", retryAfterSeconds: MAX_DELAY_MS / 1000 });
    if (!refused.ok) expect(refused.message).toBe(`Too many failed sign-in attempts. Wait ${MAX_DELAY_MS / 1000} s and try again.`);
    // The owner, from their own address, is admitted at once.
    const owner = await admitLoginAttempt(email, "198.51.100.7", last + 2);
    expect(owner.ok).toBe(true);
    if (owner.ok) await recordLoginSuccess(owner.ticket);
  });

  it("lets five failures through, then delays 1 s, 2 s, 4 s … up to the maximum", async () => {
    const email = "grow@throttle.test";
    const address = "192.0.2.1";
    const t = Date.now();
    for (let i = 0; i < FREE_FAILURES; i++) expect((await fail(email, address, t + i)).ok).toBe(true);
    let now = t + FREE_FAILURES;
    const seen: number[] = [];
    for (let k = 0; k < 4; k++) {
      const refused = await admitLoginAttempt(email, address, now);
      expect(refused.ok).toBe(false);
      if (!refused.ok) seen.push(refused.retryAfterSeconds);
      now += FIRST_DELAY_MS * 2 ** k; // exactly when the delay ends
      expect((await fail(email, address, now)).ok).toBe(true);
    }
    expect(seen).toEqual([1, 2, 4, 8]);
    expect(delayAfter(FREE_FAILURES + 30)).toBe(MAX_DELAY_MS);
    // A success forgets the pair's failures.
    now += 16_000;
    const ok = await admitLoginAttempt(email, address, now);
    expect(ok.ok).toBe(true);
    if (ok.ok) await recordLoginSuccess(ok.ticket);
    for (let i = 0; i < FREE_FAILURES; i++) expect((await fail(email, address, now + 1 + i)).ok).toBe(true);
  });

  it("a per-email ceiling refuses every address once many addresses together failed too often in the hour", async () => {
    const email = "target@throttle.test";
    const hourStart = Math.floor(Date.now() / CEILING_WINDOW_MS) * CEILING_WINDOW_MS;
    const t = hourStart + 10_000;
    // 25 addresses × 4 failures: each stays below its own delay, together they reach the ceiling.
    for (let a = 0; a < EMAIL_CEILING / 4; a++) for (let i = 0; i < 4; i++) expect((await fail(email, `10.1.0.${a}`, t + a * 10 + i)).ok).toBe(true);
    const fresh = await admitLoginAttempt(email, "198.51.100.9", t + 1_000);
    expect(fresh).toMatchObject({ ok: false, reason: "email" });
    if (!fresh.ok) expect(fresh.message).toMatch(/too many failed sign-in attempts from many places in the last hour\. Wait \d+ min/);
    // Another account is not affected, and the ceiling lifts as the hour slides by.
    expect((await admitLoginAttempt("other@throttle.test", "198.51.100.9", t + 1_000)).ok).toBe(true);
    expect((await admitLoginAttempt(email, "198.51.100.9", t + 2 * CEILING_WINDOW_MS)).ok).toBe(true);
  });

  it("one address cannot reach the ceiling in an hour, failing as fast as it is let", async () => {
    const email = "slow@throttle.test";
    const address = "203.0.113.99";
    let now = Math.floor(Date.now() / CEILING_WINDOW_MS) * CEILING_WINDOW_MS;
    const end = now + CEILING_WINDOW_MS;
    let failures = 0;
    while (now < end) {
      now += delayAfter(failures);
      if (now >= end) break;
      expect((await fail(email, address, now)).ok).toBe(true);
      failures++;
    }
    expect(failures).toBeLessThan(EMAIL_CEILING / 2);
    expect((await admitLoginAttempt(email, "198.51.100.10", end - 1)).ok).toBe(true);
  });

  it("of parallel attempts at the same count only one checks a password; the count stays exact", async () => {
    const email = "race@throttle.test";
    const address = "192.0.2.50";
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 20 }, () => admitLoginAttempt(email, address, now)));
    const admitted = results.filter((r) => r.ok);
    expect(admitted).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "busy")).toHaveLength(19);
    if (admitted[0].ok) await recordLoginFailure(admitted[0].ticket, now);
    expect((await LoginAttempt.findById(`pair:${email}|${address}`).lean())?.failures).toBe(1);
  });

  it("a ticket left by a crashed attempt is taken over after a while", async () => {
    const email = "crash@throttle.test";
    const now = Date.now();
    const first = await admitLoginAttempt(email, "192.0.2.77", now);
    expect(first.ok).toBe(true); // …and the process dies before recording anything
    expect((await admitLoginAttempt(email, "192.0.2.77", now + 1_000)).ok).toBe(false);
    expect((await admitLoginAttempt(email, "192.0.2.77", now + TICKET_STALE_MS + 1)).ok).toBe(true);
  });
});
