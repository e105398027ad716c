import { describe, expect, it } from "vitest";
import { inboxPage, inboxParamsSchema, waitingCount, type InboxViewer } from "./inbox-query";
import type { TaskRow } from "./rows";

const row = (id: string, over: Partial<TaskRow> = {}): TaskRow => ({
  id, title: `Task ${id}`, status: "pending", priority: "medium", dueAt: null, createdAt: Number(id), assignee: null,
  candidateRoles: ["approver"], candidateUsers: [], workflowId: "a1", workflowName: "Expenses", runId: `r${id}`,
  completedBy: null, completedAt: null, decision: null, escalateAt: null, reminded: false, ...over,
});

const ann: InboxViewer = { id: "u1", email: "ann@example.com", roles: ["approver"], seeAll: false };
const rows = [
  row("1", { assignee: "ANN@example.com", dueAt: 500 }),
  row("2", { priority: "urgent", dueAt: 900 }),
  row("3", { candidateRoles: ["manager"] }),
  row("4", { candidateRoles: [], candidateUsers: ["u1"], title: "Laptop", dueAt: 100 }),
  row("5", { status: "completed", completedBy: "u1", completedAt: 50 }),
  row("6", { workflowId: "b2", workflowName: "Hiring" }),
];

describe("inbox tabs, filters and sort", () => {
  it("counts each tab and pages the chosen one", () => {
    const page = inboxPage(rows, ann, inboxParamsSchema.parse({ tab: "available" }), 0);
    expect(page.counts).toEqual({ mine: 1, available: 3, done: 1, all: 0 });
    expect(page.rows.map((r) => r.id)).toEqual(["4", "2", "6"]);
    expect(page.workflows).toEqual([{ id: "a1", name: "Expenses" }, { id: "b2", name: "Hiring" }]);
    expect(waitingCount(rows, ann)).toBe(4);
  });

  it("filters by priority, workflow, due window and title, and sorts by priority or age", () => {
    const p = (q: Record<string, string>) => inboxPage(rows, ann, inboxParamsSchema.parse({ tab: "available", ...q }), 0).rows.map((r) => r.id);
    expect(p({ priority: "urgent" })).toEqual(["2"]);
    expect(p({ workflow: "b2" })).toEqual(["6"]);
    expect(p({ due: "none" })).toEqual(["6"]);
    expect(p({ q: "LAP" })).toEqual(["4"]);
    expect(p({ sort: "priority" })).toEqual(["2", "4", "6"]);
    expect(p({ sort: "age" })).toEqual(["2", "4", "6"]);
  });

  it("shows 'All open' only to those who may see everything, and shrugs off bad params", () => {
    const mia: InboxViewer = { id: "u9", email: "mia@example.com", roles: ["manager"], seeAll: true };
    expect(inboxPage(rows, mia, inboxParamsSchema.parse({ tab: "all" }), 0).total).toBe(5);
    expect(inboxPage(rows, ann, inboxParamsSchema.parse({ tab: "all" }), 0).total).toBe(0);
    expect(inboxParamsSchema.parse({ tab: "nope", sort: "x", priority: "huge", workflow: "$ne" })).toEqual({ tab: "mine", sort: "due" });
  });
});
