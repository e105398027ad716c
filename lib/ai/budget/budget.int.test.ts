// Budgets on the real runtime, with the real AI executor (the simulated provider, priced by an
// admin in Settings → AI models so it costs money offline), real tasks and the day roll-ups:
// a run that would cross its per-run budget pauses with a task for the owners; approving
// raises the run's budget and continues the step; rejecting fails the run with who refused and
// how much; a day budget that is spent refuses new runs with a message; the Run dialog's
// estimate learns from past runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecutorMap } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { startRunFor } from "@/lib/runtime/start";
import { e, endNode, eventsOf, n, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { aiExecutor } from "@/lib/nodes/ai/executor";
import { saveAiModel } from "@/lib/ai-models/service";
import { completeTask } from "@/lib/tasks/complete";
import { tasksService } from "@/lib/tasks/create";
import { publishWorkflow } from "@/lib/workflows/publish";
import { actor, person } from "@/lib/workflows/test-fixtures";
import { HumanTask } from "@/models/HumanTask";
import { User } from "@/models/User";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { Workflow } from "@/models/Workflow";
import { loadDashboard } from "@/lib/dashboard/queries";
import { parseFilters } from "@/lib/dashboard/params";
import { estimateRunFor } from "./run-estimate";

const executors: ExecutorMap<RuntimeServices> = { ai: aiExecutor };
// $1,000 / $2,000 per million tokens: a call with a 400-token cap may cost ~$0.83.
const PRICE = { input: 1_000, output: 2_000 };

const graph = {
  nodes: [
    startNode(),
    n("write", "ai", {
      provider: "simulated",
      model: "simulated",
      systemPrompt: "You are a careful assistant.",
      promptTemplate: "Write two sentences about keeping cloud costs down.",
      temperature: 0.2,
      maxTokens: 400,
      outputMode: "text",
    }, "Write summary"),
    endNode(),
  ],
  edges: [e("start", "write"), e("write", "end")],
};

let worker: Worker;
let owner: Awaited<ReturnType<typeof person>>;

async function pausedTask(runId: string) {
  const paused = await waitForStatus(runId, ["paused", "failed", "completed"]);
  expect(paused.status).toBe("paused");
  expect(paused.tokens.find((t) => t.nodeId === "write")?.wait?.reason).toBe("budget");
  const task = await HumanTask.findOne({ executionId: runId }).lean();
  expect(task).not.toBeNull();
  return task!;
}

describe("AI budgets on the runtime", () => {
  beforeAll(async () => {
    await Promise.all([User.init(), HumanTask.init()]);
    owner = await person("owner@example.com", ["designer"]);
    const priced = await saveAiModel(actor(["admin"]), {
      mode: "edit",
      id: "simulated:simulated",
      model: { name: "Simulated", provider: "simulated", modelId: "simulated", inputPerMillion: PRICE.input, outputPerMillion: PRICE.output, enabled: true },
    });
    expect(priced.ok).toBe(true);
    worker = testWorker({ executors, providers: { tasks: tasksService } });
  });
  afterAll(() => worker.stop(1_000));

  it("pauses a run that would cross its per-run budget; approving continues it with the budget raised", async () => {
    const workflowId = await storeWorkflow(owner, graph, { budget: { perRunUsd: 0.5 } });
    await Workflow.updateOne({ _id: workflowId }, { $set: { name: "Cost report" } });
    const started = await startRunFor(owner, { workflowId, mode: "test" });
    if (!started.ok) throw new Error(started.message);

    const task = await pausedTask(started.runId);
    const extra = task.spendApproval!.amountUsd;
    expect(extra).toBeGreaterThan(0.3);
    expect(extra).toBeLessThan(0.4);
    expect(task).toMatchObject({ title: `Approve extra spend of $${extra.toFixed(2)} for Cost report`, candidateUsers: [owner.id], priority: "high", status: "pending" });
    expect(task.description).toContain('The AI step "Write summary" may cost up to');
    // Nothing was spent while paused: the gate stops the step before the call.
    expect((await eventsOf(started.runId)).filter((ev) => ev.type === "ai_call")).toHaveLength(0);
    // The owner's dashboard shows the run waiting for the approval, beside the workflow's budget.
    const board = await loadDashboard(owner, parseFilters({}));
    expect(board.budgets.pending).toContainEqual(expect.objectContaining({ taskId: String(task._id), workflowId, runId: started.runId, amountUsd: extra }));
    expect(board.budgets.rows.find((r) => r.workflowId === workflowId)).toMatchObject({ name: "Cost report", perRunUsd: 0.5, perDayUsd: null, pendingApprovals: 1, blocked: false });

    const done = await completeTask({ ...owner, name: "owner" }, String(task._id), { decision: "approve", values: {} });
    expect(done).toMatchObject({ ok: true, run: { ok: true } });
    const finished = await waitForStatus(started.runId);
    expect(finished.status).toBe("completed");

    const calls = (await eventsOf(started.runId)).filter((ev) => ev.type === "ai_call");
    expect(calls).toHaveLength(1);
    const call = calls[0].data as { inputTokens: number; outputTokens: number; cost: number };
    // Priced from the admins' table, not the built-in "simulated is free".
    expect(call.cost).toBeCloseTo((call.inputTokens * PRICE.input + call.outputTokens * PRICE.output) / 1e6, 6);
    expect(call.cost).toBeGreaterThan(0);
    const execution = await WorkflowExecution.findById(started.runId).lean();
    expect(execution?.metrics).toMatchObject({ approvedExtraUsd: extra, aiCalls: 1 });
    expect(execution?.nodeAiUsage).toEqual([expect.objectContaining({ nodeId: "write", calls: 1 })]);
  });

  it("fails the run with who refused how much when the extra spend is rejected", async () => {
    const workflowId = await storeWorkflow(owner, graph, { budget: { perRunUsd: 0.25 } });
    const started = await startRunFor(owner, { workflowId, mode: "test" });
    if (!started.ok) throw new Error(started.message);
    const task = await pausedTask(started.runId);
    const amount = `$${task.spendApproval!.amountUsd.toFixed(2)}`;

    const done = await completeTask({ ...owner, name: "owner" }, String(task._id), { decision: "reject", values: {}, comment: "Too dear" });
    expect(done).toMatchObject({ ok: true });
    const failed = await waitForStatus(started.runId);
    expect(failed.status).toBe("failed");
    expect(failed.error?.message).toBe(`"Write summary" failed: extra AI spend of ${amount} was refused by owner (“Too dear”)`);
    expect(failed.error?.code).toBe("budget_refused");
    expect((await eventsOf(started.runId)).filter((ev) => ev.type === "ai_call")).toHaveLength(0);
  });

  it("refuses new runs once the day's spend reached the day budget, and estimates from past runs", async () => {
    const workflowId = await storeWorkflow(owner, graph, { budget: { perDayUsd: 0.05 } });
    await Workflow.updateOne({ _id: workflowId }, { $set: { name: "Daily digest" } });
    const published = await publishWorkflow(owner, { id: workflowId });
    expect(published.ok).toBe(true);

    const before = await estimateRunFor(owner, { workflowId, mode: "published" });
    if (!before.ok) throw new Error(before.message);
    expect(before.estimate).toMatchObject({ basis: "from prompt size; no past runs", pastRuns: 0, budget: { perDayUsd: 0.05 }, dayBlocked: false });
    expect(before.estimate.highUsd).toBeGreaterThan(0.8);

    const first = await startRunFor(owner, { workflowId, mode: "published" });
    if (!first.ok) throw new Error(first.message);
    expect((await waitForStatus(first.runId)).status).toBe("completed");
    const cost = (await WorkflowExecution.findById(first.runId).lean())!.metrics!.cost!;
    expect(cost).toBeGreaterThan(0.05);

    const refused = await startRunFor(owner, { workflowId, mode: "published" });
    expect(refused.ok).toBe(false);
    expect(refused.message).toBe(
      `"Daily digest" has spent $${cost.toFixed(2)} on AI today, which reaches its day budget of $0.05: new runs are refused until midnight UTC. An owner or editor can raise the day budget in the workflow's settings.`,
    );

    const board = await loadDashboard(owner, parseFilters({}));
    expect(board.budgets.rows.find((r) => r.workflowId === workflowId)).toMatchObject({ name: "Daily digest", perDayUsd: 0.05, blocked: true, spentTodayUsd: expect.closeTo(cost, 6) });

    const after = await estimateRunFor(owner, { workflowId, mode: "published" });
    if (!after.ok) throw new Error(after.message);
    expect(after.estimate).toMatchObject({ basis: "from 1 past run", pastRuns: 1, dayBlocked: true });
    expect(after.estimate.lowUsd).toBeCloseTo(cost, 6);
    expect(after.estimate.highUsd).toBeCloseTo(cost, 6);
  });

  it("counts what earlier AI steps of the run spent: a later step pauses once the budget is used up", async () => {
    const second = { ...graph.nodes[1], id: "again", data: { ...graph.nodes[1].data, title: "Write again" } };
    const twoSteps = { nodes: [graph.nodes[0], graph.nodes[1], second, graph.nodes[2]], edges: [e("start", "write"), e("write", "again"), e("again", "end")] };
    // Each call may cost ~$0.83: the first fits $1, the first's real cost plus the second's ceiling does not.
    const workflowId = await storeWorkflow(owner, twoSteps, { budget: { perRunUsd: 1 } });
    const started = await startRunFor(owner, { workflowId, mode: "test" });
    if (!started.ok) throw new Error(started.message);
    const paused = await waitForStatus(started.runId, ["paused", "failed", "completed"]);
    expect(paused.status).toBe("paused");
    expect(paused.tokens.find((t) => t.nodeId === "again")?.wait?.reason).toBe("budget");
    const [first] = (await eventsOf(started.runId)).filter((ev) => ev.type === "ai_call");
    const spent = (first.data as { cost: number }).cost;
    const task = (await HumanTask.findOne({ executionId: started.runId }).lean())!;
    expect(task.description).toContain(`The AI step "Write again" may cost up to`);
    expect(task.description).toContain(`This run has spent $${spent.toFixed(2)} of its $1.00 budget`);

    await completeTask({ ...owner, name: "owner" }, String(task._id), { decision: "approve", values: {} });
    expect((await waitForStatus(started.runId)).status).toBe("completed");
    expect((await eventsOf(started.runId)).filter((ev) => ev.type === "ai_call")).toHaveLength(2);
  });

  it("refuses the estimate to someone who may not run the workflow", async () => {
    const workflowId = await storeWorkflow(owner, graph);
    await expect(estimateRunFor(actor(["designer"]), { workflowId, mode: "test" })).rejects.toThrow();
    expect(await estimateRunFor(owner, { workflowId: "nope", mode: "test" })).toMatchObject({ ok: false });
  });
});
