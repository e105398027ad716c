import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time";

const now = new Date("2026-11-22T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe("relativeTime", () => {
  it("says how long ago, in the largest fitting unit", () => {
    expect(relativeTime(ago(10), now)).toBe("just now");
    expect(relativeTime(ago(50), now)).toBe("1 minute ago");
    expect(relativeTime(ago(3 * 60), now)).toBe("3 minutes ago");
    expect(relativeTime(ago(2 * 3600), now)).toBe("2 hours ago");
    expect(relativeTime(ago(24 * 3600), now)).toBe("yesterday");
    expect(relativeTime(ago(14 * 24 * 3600), now)).toBe("2 weeks ago");
    expect(relativeTime(ago(400 * 24 * 3600), now)).toBe("last year");
  });

  it("handles the future and nonsense", () => {
    expect(relativeTime(ago(-2 * 24 * 3600), now)).toBe("in 2 days");
    expect(relativeTime("not a date", now)).toBe("");
  });
});
