import { describe, expect, it } from "vitest";
import { dueLabel, dueWindow, raisedPriority, reminderAt, slaDue, type SlaTask } from "./sla";

const MIN = 60_000;
const base: SlaTask = { status: "pending", createdAt: 0, dueAt: 120 * MIN, escalation: null, escalatedAt: null, remindedAt: null };

describe("SLA computation", () => {
  it("reminds a quarter of the window before the due date, between one minute and one hour ahead", () => {
    expect(reminderAt(0, 120 * MIN)).toBe(90 * MIN);
    expect(reminderAt(0, 48 * 60 * MIN)).toBe(47 * 60 * MIN);
    expect(reminderAt(0, 2 * MIN)).toBe(1 * MIN);
    expect(reminderAt(0, null)).toBeNull();
  });

  it("says what is due, once each, and nothing for closed tasks", () => {
    expect(slaDue(base, 10 * MIN)).toEqual({ markOverdue: false, escalate: false, remind: false });
    expect(slaDue(base, 95 * MIN)).toEqual({ markOverdue: false, escalate: false, remind: true });
    expect(slaDue({ ...base, remindedAt: 95 * MIN }, 100 * MIN).remind).toBe(false);
    expect(slaDue(base, 120 * MIN)).toEqual({ markOverdue: true, escalate: false, remind: false });
    expect(slaDue({ ...base, status: "overdue" }, 130 * MIN).markOverdue).toBe(false);
    const esc = { ...base, escalation: { afterMinutes: 30, action: "raisePriority" } };
    expect(slaDue(esc, 29 * MIN).escalate).toBe(false);
    expect(slaDue(esc, 30 * MIN).escalate).toBe(true);
    expect(slaDue({ ...esc, escalatedAt: 30 * MIN }, 31 * MIN).escalate).toBe(false);
    expect(slaDue({ ...esc, status: "completed" }, 200 * MIN)).toEqual({ markOverdue: false, escalate: false, remind: false });
    expect(slaDue({ ...base, dueAt: null }, 10_000 * MIN)).toEqual({ markOverdue: false, escalate: false, remind: false });
  });

  it("raises priority up to urgent and labels due dates for people", () => {
    expect(raisedPriority("low")).toBe("medium");
    expect(raisedPriority("high")).toBe("urgent");
    expect(raisedPriority("urgent")).toBe("urgent");
    expect(dueLabel(0 + 125 * MIN, 0)).toBe("due in 2 h 5 min");
    expect(dueLabel(0, 3 * MIN)).toBe("overdue by 3 min");
    expect(dueLabel(3 * 24 * 60 * MIN + 60 * MIN, 0)).toBe("due in 3 d 1 h");
    expect(dueLabel(null, 0)).toBeNull();
    expect(dueWindow(10 * MIN, 0)).toBe("today");
    expect(dueWindow(0, 10)).toBe("overdue");
    expect(dueWindow(3 * 24 * 60 * MIN, 0)).toBe("week");
  });
});
