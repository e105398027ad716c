import { beforeAll, describe, expect, it } from "vitest";
import type { HumanTaskRequest } from "@/lib/runtime/services";
import { fakeContext } from "@/lib/nodes/test-context";
import { humanExecutor } from "@/lib/nodes/human/executor";
import { HumanTask } from "@/models/HumanTask";
import { TaskClosure } from "@/models/TaskClosure";
import type { TaskActor } from "./access";
import { completeTask, type TaskResume } from "./complete";
import { createTaskForStep, tasksService } from "./create";
import { cancelTaskForStep } from "./cancel";

const approver: TaskActor = { id: "00000000000000000000000a", roles: ["approver"], active: true, email: "ann@example.com" };
const designer: TaskActor = { id: "00000000000000000000000b", roles: ["designer"], active: true };

function request(key: string, overrides: Partial<HumanTaskRequest> = {}): HumanTaskRequest {
  return {
    idempotencyKey: key,
    runId: "run-1",
    workflowId: "wf-1",
    nodeId: "review",
    stepId: "review#1",
    title: "Approve 120 EUR",
    description: "Train to Lyon",
    assignee: null,
    candidateRoles: ["approver"],
    candidateUsers: [],
    priority: "high",
    formFields: [{ name: "comment", label: "Comment", kind: "textarea", required: false }, { name: "amount", label: "Amount", kind: "number", required: true, max: 500 }],
    contextData: { "weird.key": { $odd: [[1, 2]] } },
    dueAt: new Date("2026-12-01T00:00:00Z"),
    escalation: null,
    ...overrides,
  };
}

describe("human tasks (real database)", () => {
  beforeAll(() => HumanTask.init());

  it("the human step creates its task once per idempotency key and pauses the run", async () => {
    const created: string[] = [];
    const tasks = { createForStep: async (r: HumanTaskRequest) => createTaskForStep(r).then((t) => (created.push(t.taskId), t)) };
    const config = { titleTemplate: "Approve {{ amount }} EUR", descriptionTemplate: "{{ what }}", candidateRoles: ["approver"], candidateUsers: [], formFields: [], priority: "medium", dueInMinutes: 60 };
    const step = () => fakeContext({ type: "human", config, input: { amount: 120, what: "Train" }, now: Date.UTC(2026, 0, 1), services: { tasks } }).ctx;
    const first = await humanExecutor(step());
    const replay = await humanExecutor(step());
    expect(first).toEqual({ kind: "wait", reason: "human", output: { taskId: created[0] } });
    expect(replay).toEqual(first);
    const task = await HumanTask.findById(created[0]).lean();
    expect(task).toMatchObject({ title: "Approve 120 EUR", description: "Train", status: "pending", version: 0, executionId: "run-1", nodeId: "human_1" });
    expect(task!.dueAt!.toISOString()).toBe("2026-01-01T01:00:00.000Z");
    expect(JSON.parse(task!.contextJson!)).toEqual({ amount: 120, what: "Train" });
  });

  it("creates once even when replays race, and stores user data that has odd keys", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => createTaskForStep(request("run-1:review#1:1"))));
    expect(new Set(results.map((r) => r.taskId)).size).toBe(1);
    expect(await HumanTask.countDocuments({ idempotencyKey: "run-1:review#1:1" })).toBe(1);
    const other = await createTaskForStep(request("run-1:review#1:2"));
    expect(other.taskId).not.toBe(results[0].taskId);
  });

  it("checks the form and the person before completing", async () => {
    const { taskId } = await createTaskForStep(request("run-2:review#1:1"));
    expect(await completeTask(designer, taskId, { decision: "approve", values: { amount: 1 } })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await completeTask(approver, taskId, { decision: "approve", values: { amount: 900 } })).toEqual({
      ok: false,
      code: "invalid",
      message: "Check the highlighted fields.",
      errors: { amount: ["Amount must be at most 500"] },
    });
    expect(await completeTask(approver, taskId, { decision: "maybe" })).toMatchObject({ ok: false, code: "invalid", errors: { decision: ["Choose approve or reject"] } });
    expect(await completeTask(approver, "000000000000000000000000", { decision: "approve" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await HumanTask.findById(taskId).lean())!.status).toBe("pending");
  });

  it("keeps the winner's comment when a loser mirrors the closure onto the task first", async () => {
    const { taskId } = await createTaskForStep(request("run-9:review#1:1"));
    // The winner has inserted its closure but not yet mirrored it onto the task.
    const at = new Date();
    const output = { decision: "approve", values: { amount: 3, comment: null }, comment: "Receipt checked", by: approver.id, at: at.toISOString() };
    await TaskClosure.create({ _id: taskId, kind: "completed", runId: "run-9", stepId: "review#1", output, by: approver.id, at, comment: "Receipt checked", byName: "Ann" });
    const loser = await completeTask(approver, taskId, { decision: "reject", values: { amount: 4 }, comment: "too late" });
    expect(loser).toMatchObject({ ok: false, code: "closed" });
    const stored = await HumanTask.findById(taskId).lean();
    expect(stored).toMatchObject({ status: "completed", result: output });
    expect(stored!.comments).toEqual([expect.objectContaining({ text: "Receipt checked", byName: "Ann", by: approver.id })]);
  });

  it("lets exactly one of 50 concurrent completions win, resumes the run once, and makes a double submit harmless", async () => {
    const { taskId } = await createTaskForStep(request("run-3:review#1:1"));
    const resumed: TaskResume[] = [];
    const resumeRun = async (resume: TaskResume) => void resumed.push(resume);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        completeTask(approver, taskId, { decision: i % 2 ? "reject" : "approve", values: { amount: String(i + 1) }, comment: `try ${i}` }, resumeRun),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "closed")).toBe(true);
    expect(resumed).toHaveLength(1);
    const win = winners[0] as Extract<(typeof results)[number], { ok: true }>;
    expect(win.resume).toEqual(resumed[0]);
    expect(win.resume).toMatchObject({ taskId, runId: "run-1", stepId: "review#1", nodeId: "review", handle: win.resume.output.decision });
    expect(win.resume.output).toMatchObject({ by: approver.id, values: { comment: null, amount: expect.any(Number) } });

    const stored = await HumanTask.findById(taskId).lean();
    expect(stored).toMatchObject({ status: "completed", version: 1, completedBy: approver.id, result: win.resume.output });
    expect(stored!.comments).toHaveLength(1);
    expect(await TaskClosure.findById(taskId).lean()).toMatchObject({ kind: "completed", output: win.resume.output, resumedAt: expect.any(Date) });

    const again = await completeTask(approver, taskId, { decision: "approve", values: { amount: 2 } }, resumeRun);
    // This actor is no user in the database: the winner reads as a former user.
    expect(again).toMatchObject({ ok: false, code: "closed", message: expect.stringMatching(new RegExp(`^A former user ${win.resume.output.decision === "reject" ? "rejected" : "approved"} this task just now \\(.+ UTC\\)\\. Nothing was changed\\.$`)) });
    expect(resumed).toHaveLength(1);
  });

  it("cancels the task of a step the run stopped waiting for, and then refuses to complete it", async () => {
    const { taskId } = await createTaskForStep(request("run-4:review#1:2", { runId: "run-4", stepId: "review#1" }));
    await tasksService.cancelForStep({ runId: "run-4", stepId: "review#1", attempt: 2, reason: "the run stopped" });
    expect((await HumanTask.findById(taskId).lean())!.status).toBe("cancelled");
    expect(await completeTask(approver, taskId, { decision: "approve", values: { amount: 1 } }, async () => {})).toMatchObject({
      ok: false,
      code: "closed",
      message: expect.stringMatching(/^This task was cancelled just now \(.+ UTC\)\. Nothing was changed\.$/),
    });
    const { taskId: done } = await createTaskForStep(request("run-5:review#1:1", { runId: "run-5", stepId: "review#1" }));
    expect((await completeTask(approver, done, { decision: "reject", values: { amount: 3 } }, async () => {})).ok).toBe(true);
    expect(await cancelTaskForStep({ runId: "run-5", stepId: "review#1", attempt: 1, reason: "late" })).toBe(false);
    expect((await HumanTask.findById(done).lean())!.status).toBe("completed");
  });
});
