import { describe, expect, it } from "vitest";
import { schedulePreview } from "./schedule-preview";

describe("schedulePreview", () => {
  const monday = new Date("2026-12-07T06:00:00Z");
  it("describes common shapes with the next fire time in the zone", () => {
    expect(schedulePreview("0 9 * * 1-5", "Europe/Berlin", monday)).toMatchObject({ ok: true, words: "every weekday at 09:00 Europe/Berlin, next: Mon, 7 Dec 2026, 09:00:00" });
  });
  it("lists the next three fire times when it has no words for the shape", () => {
    const preview = schedulePreview("0 9-10 * * *", "UTC", monday);
    expect(preview.ok && preview.next).toHaveLength(3);
    expect(preview.ok && preview.words).toMatch(/^next: Mon, 7 Dec 2026, 09:00:00 · Mon, 7 Dec 2026, 10:00:00 · Tue, 8 Dec 2026, 09:00:00 \(UTC\)$/);
  });
  it("says what is wrong with a bad expression or zone, and where", () => {
    expect(schedulePreview("61 * * * *", "UTC")).toEqual({ ok: false, field: "cron", message: "Not a valid cron expression: Invalid value for minute: 61" });
    expect(schedulePreview("* * *", "UTC")).toMatchObject({ ok: false, field: "cron" });
    expect(schedulePreview("* * * * *", "Mars/Base")).toMatchObject({ ok: false, field: "timezone", message: expect.stringContaining("not an IANA time zone") });
  });
});
