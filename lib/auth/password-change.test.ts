import { describe, expect, it } from "vitest";
import { sessionEndedByPasswordChange } from "./password-change";

describe("sessionEndedByPasswordChange", () => {
  const changed = new Date("2026-12-03T10:00:00Z");

  it("keeps every session while the password never changed", () => {
    expect(sessionEndedByPasswordChange(0, undefined)).toBe(false);
    expect(sessionEndedByPasswordChange(undefined, null)).toBe(false);
  });

  it("ends a session signed in before the change and keeps one signed in after it", () => {
    expect(sessionEndedByPasswordChange(changed.getTime() - 1, changed)).toBe(true);
    expect(sessionEndedByPasswordChange(changed.getTime() + 1, changed)).toBe(false);
    expect(sessionEndedByPasswordChange(changed.getTime() + 1, changed.toISOString())).toBe(false);
  });

  it("ends a session from before sign-in times were recorded once the password changes", () => {
    expect(sessionEndedByPasswordChange(undefined, changed)).toBe(true);
    expect(sessionEndedByPasswordChange(0, changed)).toBe(true);
  });
});
