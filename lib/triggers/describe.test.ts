import { describe, expect, it } from "vitest";
import { describeCron } from "./describe";

describe("describeCron", () => {
  it.each([
    ["0 9 * * 1-5", "every weekday at 09:00"],
    ["30 17 * * *", "every day at 17:30"],
    ["0 0 8 * * 1", "every Monday at 08:00"],
    ["15 10 30 8 * * 1,3,5", null],
    ["0 8 * * 1,5", "every Monday and Friday at 08:00"],
    ["0 10 * * 0,6", "every Saturday and Sunday at 10:00"],
    ["* * * * * *", "every second"],
    ["*/5 * * * * *", "every 5 seconds"],
    ["* * * * *", "every minute"],
    ["*/15 * * * *", "every 15 minutes"],
    ["5 * * * *", "every hour at minute 5"],
    ["0 */2 * * *", "every 2 hours at minute 0"],
    ["0 6 1 * *", "on day 1 of every month at 06:00"],
    ["30 0 6 * * *", "every day at 06:00:30"],
    ["0 9 * 1 *", null],
    ["0 9-17 * * *", null],
  ])("%s → %s", (cron, words) => {
    expect(describeCron(cron)).toBe(words);
  });
});
