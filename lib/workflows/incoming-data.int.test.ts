// The decision's condition help reads what flowed into a node in the latest run: a real run of
// the expense template on the runtime (simulated AI), read back through the run queries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecutorMap } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { startRunFor } from "@/lib/runtime/start";
import { storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { aiExecutor } from "@/lib/nodes/ai/executor";
import { humanExecutor } from "@/lib/nodes/human/executor";
import { tasksService } from "@/lib/tasks/create";
import { HumanTask } from "@/models/HumanTask";
import { notificationExecutor } from "@/lib/nodes/notification/executor";
import { notificationsService } from "@/lib/notifications/send";
import { Notification } from "@/models/Notification";
import { User } from "@/models/User";
import { getTemplate } from "./templates";
import { actor } from "./test-fixtures";
import { latestIncomingData } from "./incoming-data";

const executors: ExecutorMap<RuntimeServices> = { ai: aiExecutor, human: humanExecutor, notification: notificationExecutor };
const designer = actor(["designer"]);
let worker: Worker;
let ranWorkflow = "";

describe("the data that flowed into a node in the latest run (real database and runtime)", () => {
  beforeAll(async () => {
    await Promise.all([User.init(), HumanTask.init(), Notification.init()]);
    worker = testWorker({ executors, providers: { tasks: tasksService, notifications: notificationsService } });
  });
  afterAll(() => worker.stop(1_000));

  it("is the node's recorded input when it ran, the output of a step before it otherwise, and nothing before any run", async () => {
    await User.create({ email: "sam@example.com", name: "Sam", passwordHash: "x", roles: ["approver"] }); // told in the app
    const workflowId = await storeWorkflow(designer, getTemplate("expense-approval")!.build());
    ranWorkflow = workflowId;
    expect(await latestIncomingData(designer, workflowId, "amount_check", ["classify"])).toBeNull();

    const started = await startRunFor(designer, {
      workflowId,
      mode: "test",
      input: { employee: "sam@example.com", amount: 42.5, currency: "EUR", description: "Taxi to the airport" },
    });
    if (!started.ok) throw new Error(started.message);
    // Past the decision either way: finished, or waiting for a manager when the AI found it unusual.
    const settled = await waitForStatus(started.runId, ["completed", "paused", "failed"]);
    expect(settled.error ?? null).toBeNull();
    expect(["completed", "paused"]).toContain(settled.status);

    // The decision ran: its input is the AI step's answer, not the run input.
    const atDecision = await latestIncomingData(designer, workflowId, "amount_check", ["classify"]);
    expect(atDecision).toMatchObject({ runId: started.runId, fromNodeId: "amount_check" });
    expect(Object.keys(atDecision!.value as object)).toEqual(expect.arrayContaining(["object", "usage", "model"]));
    expect(atDecision!.value).not.toHaveProperty("amount");
    // With it, the rest of what an expression there reads, as the engine binds it.
    expect(atDecision!.scope.runInput).toMatchObject({ amount: 42.5, currency: "EUR" });
    expect(atDecision!.scope.nodes.classify).toEqual(atDecision!.value);
    expect(atDecision!.scope.run.id).toBe(started.runId);

    // The manager's step has no finished record (skipped, or still waiting): the decision's output is what it gets.
    const atManager = await latestIncomingData(designer, workflowId, "manager_approval", ["amount_check"]);
    expect(atManager).toMatchObject({ runId: started.runId, fromNodeId: "amount_check" });
  });

  it("shows nothing of a workflow the person may not see, though it has run", async () => {
    expect(await latestIncomingData(designer, ranWorkflow, "amount_check", ["classify"])).not.toBeNull();
    expect(await latestIncomingData(actor(["designer"]), ranWorkflow, "amount_check", ["classify"])).toBeNull();
  });
});
