// The inbox's writes against the real database: claim (and 20 at once), release, delegate,
// comment, decide with a required reject reason, the SLA job (overdue, escalation, reminder),
// and the in-memory index the inbox reads.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { HumanTaskRequest } from "@/lib/runtime/services";
import { EventLog } from "@/models/EventLog";
import { HumanTask } from "@/models/HumanTask";
import { Notification } from "@/models/Notification";
import { TaskChange } from "@/models/TaskChange";
import { User } from "@/models/User";
import type { TaskActor } from "./access";
import { claimTask, delegateTask, releaseTask } from "./assign";
import { commentOnTask } from "./comment";
import { createTaskForStep } from "./create";
import { decideTask } from "./decide";
import { inboxPage, inboxParamsSchema, type InboxViewer } from "./inbox-query";
import { checkClock, resetTaskIndex, taskRows } from "./open-index";
import { InboxClock } from "@/models/InboxClock";
import { runSlaPass } from "./sla-job";

const meta = { ipAddress: "203.0.113.9", userAgent: "vitest" };
let ann: TaskActor & { email: string; name: string };
let bob: TaskActor & { email: string; name: string };
let mia: TaskActor & { email: string; name: string };
let gone: string;

async function person(email: string, name: string, roles: ("approver" | "manager" | "designer")[], active = true) {
  const u = await User.create({ email, name, passwordHash: "x", roles, active });
  return { id: String(u._id), email, name, roles, active };
}

let n = 0;
function request(overrides: Partial<HumanTaskRequest> = {}): HumanTaskRequest {
  n += 1;
  return {
    idempotencyKey: `run-${n}:review#1:1`,
    runId: `run-${n}`,
    workflowId: "000000000000000000000fff",
    nodeId: "review",
    stepId: "review#1",
    title: `Approve claim ${n}`,
    description: "",
    assignee: null,
    candidateRoles: ["approver"],
    candidateUsers: [],
    priority: "medium",
    formFields: [{ name: "comment", label: "Comment", kind: "textarea", required: false }],
    contextData: { amount: n },
    dueAt: null,
    escalation: null,
    ...overrides,
  };
}

describe("inbox actions (real database)", () => {
  beforeAll(async () => {
    await Promise.all([User.init(), HumanTask.init(), TaskChange.init(), Notification.init(), EventLog.init()]);
    ann = await person("ann@example.com", "Ann", ["approver"]);
    bob = await person("bob@example.com", "Bob", ["approver"]);
    mia = await person("mia@example.com", "Mia", ["manager"]);
    gone = (await person("gone@example.com", "Gone", ["approver"], false)).id;
  });
  beforeEach(() => resetTaskIndex());

  it("of 20 concurrent claims exactly one wins; the others are told who and when", async () => {
    const { taskId } = await createTaskForStep(request());
    const people = [ann, bob];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => claimTask(people[i % 2], taskId, meta)));
    expect(results.filter((r) => r.ok && r.message === "Claimed: the task is yours.")).toHaveLength(1);
    const stored = await HumanTask.findById(taskId).lean();
    expect(stored).toMatchObject({ status: "in_progress", version: 1 });
    const holder = stored!.assignee === ann.id ? ann : bob;
    const other = holder === ann ? bob : ann;
    // The holder's own later clicks are told it is already theirs; every other click lost.
    results.forEach((r, i) => {
      if (r.ok) expect(people[i % 2]).toBe(holder);
    });
    // Whether they lost the insert or read the task after it: the winner's name and when, in words.
    for (const r of results.filter((r) => !r.ok)) {
      expect(r.message).toMatch(new RegExp(`^${holder.name} (claimed this task just now \\(.+ UTC\\), so your claim was not applied\\.|holds this task \\(claimed just now, .+ UTC\\)\\. Nothing was changed\\.)$`));
    }
    expect((await claimTask(other, taskId, meta)).message).toMatch(new RegExp(`^${holder.name} holds this task \\(claimed just now, \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d:\\d\\d UTC\\)\\. Nothing was changed\\.$`));
    expect(stored!.history.map((h) => h.type)).toEqual(["created", "claimed"]);
    const audit = await EventLog.find({ runId: `task:${taskId}` }).lean();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ type: "human_task_claimed", metadata: { userId: holder.id, ipAddress: "203.0.113.9", userAgent: "vitest" } });

    expect(await releaseTask(other, taskId, meta)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await releaseTask(holder, taskId, meta)).toMatchObject({ ok: true });
    expect(await HumanTask.findById(taskId).lean()).toMatchObject({ status: "pending", assignee: null, version: 2 });
  });

  it("delegates to an active user with a reason, refuses unknown and inactive people, and notifies", async () => {
    const { taskId } = await createTaskForStep(request());
    expect(await delegateTask(ann, taskId, { to: bob.id, reason: "" }, meta)).toMatchObject({ ok: false, code: "invalid", errors: { reason: [expect.any(String)] } });
    expect(await delegateTask(ann, taskId, { to: gone, reason: "on leave" }, meta)).toMatchObject({ ok: false, errors: { to: ["Gone is deactivated"] } });
    expect(await delegateTask(ann, taskId, { to: "0000000000000000000000aa", reason: "on leave" }, meta)).toMatchObject({ ok: false, errors: { to: ["No such user"] } });
    expect((await HumanTask.findById(taskId).lean())!.version).toBe(0);

    expect(await delegateTask(ann, taskId, { to: mia.id, reason: "needs a manager" }, meta)).toMatchObject({ ok: true, message: "Delegated to Mia." });
    const stored = await HumanTask.findById(taskId).lean();
    expect(stored).toMatchObject({ assignee: mia.id, version: 1 });
    expect(stored!.history.at(-1)).toMatchObject({ type: "delegated", by: ann.id, detail: "to Mia: needs a manager" });
    expect(await Notification.countDocuments({ userId: mia.id, link: `/inbox/${taskId}` })).toBe(1);
    // Ann delegated it away: she can still see it, but no longer act on it.
    expect(await claimTask(ann, taskId, meta)).toMatchObject({ ok: false, code: "conflict", message: "Mia holds this task. Nothing was changed." });
    expect(await decideTask(bob, taskId, { decision: "approve" }, meta)).toMatchObject({ ok: false, code: "forbidden", message: "Mia holds this task. Nothing was changed." });
    expect(await commentOnTask(ann, taskId, { text: "  FYI  " }, meta)).toEqual({ ok: true, message: "Comment added." });
    expect((await HumanTask.findById(taskId).lean())!.comments).toMatchObject([{ by: ann.id, byName: "Ann", text: "FYI" }]);
    expect(await commentOnTask(ann, taskId, { text: " " }, meta)).toMatchObject({ ok: false, errors: { text: ["Write a comment"] } });
    // A designer is not a candidate and may not see it: the same answer as for a missing task.
    const designer = { id: "0000000000000000000000dd", email: "d@example.com", roles: ["designer" as const], active: true };
    expect(await commentOnTask(designer, taskId, { text: "hi" }, meta)).toEqual({ ok: false, code: "not_found", message: "That task does not exist." });
    expect(await claimTask(designer, "000000000000000000000000", meta)).toEqual({ ok: false, code: "not_found", message: "That task does not exist." });
  });

  it("needs a reason to reject, records the decision with who and from where, and refuses a second decision", async () => {
    const { taskId } = await createTaskForStep(request());
    expect(await decideTask(ann, taskId, { decision: "reject", comment: "" }, meta)).toMatchObject({ ok: false, errors: { comment: [expect.stringMatching(/reason is required/)] } });
    const first = await decideTask(ann, taskId, { decision: "reject", comment: "Over budget" }, meta);
    // The run "run-N" does not exist, so the runtime says it could not resume it; the task is closed all the same.
    expect(first).toMatchObject({ ok: true, run: { ok: false } });
    const second = await decideTask(bob, taskId, { decision: "approve" }, meta);
    expect(second).toMatchObject({ ok: false, code: "closed", message: expect.stringMatching(/^Ann rejected this task just now \(.+ UTC\)\. Nothing was changed\.$/) });
    const stored = await HumanTask.findById(taskId).lean();
    expect(stored).toMatchObject({ status: "completed", completedBy: ann.id, result: { decision: "reject", comment: "Over budget" } });
    expect(stored!.history.at(-1)).toMatchObject({ type: "completed", by: ann.id, byName: "Ann", detail: "reject" });
    expect(await EventLog.findOne({ runId: `task:${taskId}`, type: "human_task_decision" }).lean()).toMatchObject({ metadata: { userId: ann.id, ipAddress: "203.0.113.9" } });
  });

  it("the SLA job marks overdue, escalates per the node's settings, reminds, each once", async () => {
    const now = Date.now();
    const overdue = await createTaskForStep(request({ dueAt: new Date(now - 60_000), assignee: ann.id }));
    const reassign = await createTaskForStep(request({ escalation: { afterMinutes: 1, action: "reassign", to: "mia@example.com" } }));
    const raise = await createTaskForStep(request({ priority: "high", escalation: { afterMinutes: 1, action: "raisePriority" } }));
    const soon = await createTaskForStep(request({ dueAt: new Date(now + 10 * 60_000), candidateUsers: [bob.id], candidateRoles: [] }));
    const later = Date.now() + 9 * 60_000; // past both escalations and the reminder (7.5 min), before the 10 min due date
    const steps = await runSlaPass(later);
    expect(steps).toBeGreaterThanOrEqual(4);
    expect(await runSlaPass(later)).toBe(0);

    expect(await HumanTask.findById(overdue.taskId).lean()).toMatchObject({ status: "overdue" });
    expect(await Notification.countDocuments({ userId: ann.id, link: `/inbox/${overdue.taskId}`, title: /overdue/ })).toBe(1);
    const moved = await HumanTask.findById(reassign.taskId).lean();
    expect(moved).toMatchObject({ assignee: mia.id, escalatedAt: expect.any(Date) });
    expect(moved!.history.at(-1)).toMatchObject({ type: "escalated", detail: "reassigned to Mia" });
    expect(await Notification.countDocuments({ userId: mia.id, link: `/inbox/${reassign.taskId}` })).toBe(1);
    expect(await HumanTask.findById(raise.taskId).lean()).toMatchObject({ priority: "urgent" });
    const reminded = await HumanTask.findById(soon.taskId).lean();
    expect(reminded!.reminders).toHaveLength(1);
    expect(reminded!.status).toBe("pending");
    expect(await Notification.countDocuments({ userId: bob.id, title: /due soon/ })).toBe(1);
    expect(await EventLog.countDocuments({ runId: `task:${reassign.taskId}`, type: "human_task_escalated" })).toBe(1);
  });

  it("the inbox reads tabs and counts from memory, and sees this process's changes at once", async () => {
    const a = await createTaskForStep(request({ title: "Laptop for Zoe", priority: "urgent" }));
    await createTaskForStep(request({ title: "Train to Lyon", candidateRoles: ["manager"] }));
    const viewer: InboxViewer = { id: ann.id, email: ann.email, roles: ["approver"], seeAll: false };
    const before = inboxPage(await taskRows(), viewer, inboxParamsSchema.parse({ tab: "available", q: "laptop" }), Date.now());
    expect(before.rows.map((r) => r.title)).toEqual(["Laptop for Zoe"]);
    expect(await claimTask(ann, a.taskId, meta)).toMatchObject({ ok: true });
    const after = inboxPage(await taskRows(), viewer, inboxParamsSchema.parse({ tab: "mine" }), Date.now());
    expect(after.rows.map((r) => r.id)).toContain(a.taskId);
    expect(after.counts.mine).toBeGreaterThanOrEqual(1);
    expect(after.rows.every((r) => r.assignee === ann.id)).toBe(true);
  });

  it("notices a task another process created through the shared clock, without rescanning on a timer", async () => {
    const before = [...(await taskRows())].length;
    // Another process (a standalone worker) inserted a task and bumped the clock.
    const other = await HumanTask.create({ idempotencyKey: "elsewhere:1", title: "Made elsewhere", executionId: "run-x", workflowId: "000000000000000000000fff", nodeId: "n", stepId: "n#1", candidateRoles: ["approver"] });
    expect([...(await taskRows())].length).toBe(before);
    await InboxClock.updateOne({ _id: "tasks" }, { $set: { changedAt: new Date(Date.now() + 1_000), by: "another-process" } }, { upsert: true });
    await checkClock();
    expect([...(await taskRows())].map((r) => r.id)).toContain(String(other._id));
  });
});
