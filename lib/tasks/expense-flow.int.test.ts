// The expense template end to end on the real runtime: the simulated AI classifies, the
// decision sends a large claim to a manager, the run pauses on the human task, completing the
// task continues it, and the employee is notified in the app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecutorMap } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { startRunFor } from "@/lib/runtime/start";
import { eventsOf, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { actionExecutor } from "@/lib/nodes/action/executor";
import { aiExecutor } from "@/lib/nodes/ai/executor";
import { humanExecutor } from "@/lib/nodes/human/executor";
import { notificationExecutor } from "@/lib/nodes/notification/executor";
import { scriptExecutor } from "@/lib/nodes/script/executor";
import { subprocessExecutor } from "@/lib/nodes/subprocess/executor";
import { credentialsProvider } from "@/lib/credentials/runtime";
import { notificationsService } from "@/lib/notifications/send";
import { getTemplate } from "@/lib/workflows/templates";
import { actor } from "@/lib/workflows/test-fixtures";
import { HumanTask } from "@/models/HumanTask";
import { Notification } from "@/models/Notification";
import { User } from "@/models/User";
import { getRun } from "@/lib/runtime/queries";
import { completeTask } from "./complete";
import { taskView } from "./queries";
import { tasksService } from "./create";
import { decideTask } from "./decide";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { EventLog } from "@/models/EventLog";

const executors: ExecutorMap<RuntimeServices> = {
  action: actionExecutor,
  ai: aiExecutor,
  script: scriptExecutor,
  human: humanExecutor,
  notification: notificationExecutor,
  subprocess: subprocessExecutor,
};

const designer = actor(["designer"]);
let worker: Worker;

describe("the expense template on the runtime with the real executors", () => {
  beforeAll(async () => {
    await Promise.all([User.init(), HumanTask.init(), Notification.init()]);
    worker = testWorker({ executors, providers: { credentials: credentialsProvider, tasks: tasksService, notifications: notificationsService } });
  });
  afterAll(() => worker.stop(1_000));

  it("pauses on the manager's task and finishes after it is approved", async () => {
    const employee = await User.create({ email: "emp@example.com", name: "Emp", passwordHash: "x", roles: ["approver"] });
    const manager = { id: String((await User.create({ email: "boss@example.com", name: "Boss", passwordHash: "x", roles: ["manager"] }))._id), roles: ["manager" as const], active: true };
    const workflowId = await storeWorkflow(designer, getTemplate("expense-approval")!.build());
    const started = await startRunFor(designer, {
      workflowId,
      mode: "test",
      input: { employee: "emp@example.com", amount: 2_400, currency: "EUR", description: "Laptop for a new hire" },
    });
    if (!started.ok) throw new Error(started.message);

    const paused = await waitForStatus(started.runId, ["paused", "failed", "completed"]);
    expect(paused.status).toBe("paused");
    const classify = paused.data.outputs.find((o) => o.nodeId === "classify")?.output as { object: { category: string } };
    expect(["travel", "meals", "equipment", "software", "other"]).toContain(classify.object.category);

    const task = await HumanTask.findOne({ executionId: started.runId }).lean();
    expect(task).toMatchObject({ title: "Approve 2400 EUR from emp@example.com", status: "pending", candidateRoles: ["manager"] });
    expect(task!.description).toContain(`AI category: ${classify.object.category}.`);

    const done = await completeTask(manager, String(task!._id), { decision: "approve", values: {}, comment: "Fine" });
    expect(done).toMatchObject({ ok: true, run: { ok: true } });
    const finished = await waitForStatus(started.runId);
    expect(finished.status).toBe("completed");
    expect(finished.output?.value).toEqual({ approved: true });
    const review = finished.data.outputs.find((o) => o.nodeId === "manager_approval")?.output;
    expect(review).toMatchObject({ decision: "approve", comment: "Fine", by: manager.id });
    expect(await Notification.countDocuments({ userId: String(employee._id) })).toBe(1);

    // People read names where the data holds ids: the run page and the task page.
    const run = await getRun(designer, started.runId);
    expect(run!.steps.find((st) => st.nodeId === "manager_approval")!.output).toMatchObject({ by: manager.id });
    expect(run!.people[manager.id]).toBe("Boss");
    // The designer who started it is no stored user here: a former user, never a bare id.
    expect(run!.trigger.byName).toBe("a former user");
    const viewer = { ...manager, email: "boss@example.com", name: "Boss" };
    const page = await taskView(viewer, String(task!._id));
    expect(page).toMatchObject({ result: { by: manager.id, byName: "Boss" }, comments: [{ by: manager.id, byName: "Boss" }], run: { startedBy: "a former user" } });
    // Once Boss is deactivated, what is looked up reads as a former user; the id stays in the data.
    await User.updateOne({ _id: manager.id }, { $set: { active: false } });
    expect((await getRun(designer, started.runId))!.people[manager.id]).toBe("a former user");
    expect((await taskView({ ...viewer, roles: ["admin"] }, String(task!._id)))!.result).toMatchObject({ by: manager.id, byName: "a former user" });
  });

  it("50 concurrent decisions on one task: one decision, one resumed run, recorded in the run's history", async () => {
    const boss = await User.create({ email: "boss2@example.com", name: "Boss Two", passwordHash: "x", roles: ["manager"] });
    const manager = { id: String(boss._id), email: "boss2@example.com", name: "Boss Two", roles: ["manager" as const], active: true };
    const workflowId = await storeWorkflow(designer, getTemplate("expense-approval")!.build());
    const started = await startRunFor(designer, { workflowId, mode: "test", input: { employee: "emp@example.com", amount: 2_400, currency: "EUR", description: "Desk" } });
    if (!started.ok) throw new Error(started.message);
    expect((await waitForStatus(started.runId, ["paused", "failed", "completed"])).status).toBe("paused");
    const task = await HumanTask.findOne({ executionId: started.runId }).lean();
    const meta = { ipAddress: "198.51.100.7", userAgent: "vitest" };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => decideTask(manager, String(task!._id), i % 2 ? { decision: "reject", comment: `no ${i}` } : { decision: "approve", comment: `ok ${i}` }, meta)),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const finished = await waitForStatus(started.runId);
    expect(finished.status).toBe("completed");
    expect((await eventsOf(started.runId)).filter((e) => e.type === "human_approval")).toHaveLength(1);
    const approval = await EventLog.findOne({ runId: started.runId, type: "human_approval" }).lean();
    expect(approval!.metadata).toMatchObject({ userId: manager.id, ipAddress: "198.51.100.7", userAgent: "vitest" });
    const history = await ExecutionHistory.findById(started.runId).lean();
    expect(history!.humanInteractions).toMatchObject([{ nodeId: "manager_approval", by: manager.id, handle: (winners[0] as { resume: { handle: string } }).resume.handle }]);
  });
});
