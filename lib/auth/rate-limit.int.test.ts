import { describe, expect, it } from "vitest";
import { clearLoginFailures, loginRateLimit, MAX_FAILURES, recordLoginFailure, WINDOW_MS } from "./rate-limit";

describe("login rate limit (real database)", () => {
  it("blocks an email after five failures in a minute, whatever the IP", async () => {
    const now = Date.now();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordLoginFailure("ann@example.com", `10.0.0.${i}`, now + i);
    expect((await loginRateLimit("ann@example.com", "10.0.0.99", now + 10)).blocked).toBe(false);
    await recordLoginFailure("ann@example.com", "10.0.0.50", now + 20);
    const state = await loginRateLimit("ann@example.com", "10.0.0.99", now + 30);
    expect(state.blocked).toBe(true);
    expect(state.retryAfterSeconds).toBe(60);
  });

  it("blocks an IP after five failures across different emails", async () => {
    const now = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) await recordLoginFailure(`user${i}@example.com`, "192.0.2.9", now);
    expect((await loginRateLimit("fresh@example.com", "192.0.2.9", now + 1)).blocked).toBe(true);
    expect((await loginRateLimit("fresh@example.com", "192.0.2.10", now + 1)).blocked).toBe(false);
  });

  it("lets failures older than the window expire", async () => {
    const then = Date.now() - WINDOW_MS - 1000;
    for (let i = 0; i < MAX_FAILURES; i++) await recordLoginFailure("old@example.com", null, then);
    expect((await loginRateLimit("old@example.com", null)).blocked).toBe(false);
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const now = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) await recordLoginFailure("bo@example.com", null, now);
    await clearLoginFailures("bo@example.com");
    expect((await loginRateLimit("bo@example.com", null, now)).blocked).toBe(false);
  });
});
