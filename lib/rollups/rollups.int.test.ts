// Roll-ups against the real runtime on the real FerretDB: runs of a few workflows, spread over
// days with the run clock, are folded into day documents that must match a direct computation
// over their execution_histories (counts and costs exactly, percentiles within the histogram's
// stated error); the folder is exact under concurrency and counts each run once.
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecutorMap } from "@/lib/engine/executor";
import { driveAll } from "@/lib/demo/scripted-run";
import { aiExecutor } from "@/lib/nodes/ai/executor";
import { humanExecutor } from "@/lib/nodes/human/executor";
import { scriptExecutor } from "@/lib/nodes/script/executor";
import { resetRunClock, setRunClockTo } from "@/lib/runtime/clock";
import type { RuntimeServices } from "@/lib/runtime/services";
import { startRunFor } from "@/lib/runtime/start";
import { e, endNode, n, startNode, storeWorkflow, testWorker } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { tasksService } from "@/lib/tasks/create";
import { publishWorkflow } from "@/lib/workflows/service";
import { actor } from "@/lib/workflows/test-fixtures";
import { DailyRollup } from "@/models/DailyRollup";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { HumanTask } from "@/models/HumanTask";
import { RollupFolded } from "@/models/RollupFolded";
import { RollupInbox } from "@/models/RollupInbox";
import { foldAll, foldPass, recordRunEnd } from "./fold";
import { exactPercentile, percentile, withinHistogramError } from "./histogram";
import { rebuildRollups } from "./rebuild";
import { addStats, contributionOf, countsInRollups, rollupDay, toNanos, type HistoryLike } from "./stats";
import { readDays, storedWorkflows, writeDay, type DayRow } from "./store";

const rowKey = (workflowId: string, day: string) => `${workflowId}:${day}`;
const allRows = () => readDays("2000-01-01", "2100-01-01");
const rowOf = async (workflowId: string, day: string) => (await allRows()).find((r) => r.workflowId === workflowId && r.day === day);

const designer = actor(["designer", "manager"]);
const executors = { ai: aiExecutor, script: scriptExecutor, human: humanExecutor } as unknown as ExecutorMap<RuntimeServices>;
let worker: Worker;

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const rand = seeded(20261122);

const approvalGraph = {
  nodes: [
    startNode([{ name: "amount", label: "Amount", type: "number", required: true }]),
    n("classify", "ai", { systemPrompt: "", provider: "simulated", model: "simulated", promptTemplate: "Classify a claim of {{ $input.amount }}", temperature: 0, maxTokens: 64, outputMode: "text" }),
    n("check", "decision", { branches: [{ id: "big", label: "Big", condition: "$input.amount > 500" }] }),
    n("approve", "human", { titleTemplate: "Approve {{ $input.amount }}", descriptionTemplate: "", candidateRoles: ["manager"], candidateUsers: [], formFields: [], priority: "medium", dueInMinutes: 60 }),
    endNode("end"),
  ],
  edges: [e("start", "classify"), e("classify", "check"), e("check", "approve", "big"), e("check", "end", "default"), e("approve", "end", "approve"), e("approve", "end", "reject")],
};

const checkGraph = {
  nodes: [
    startNode([{ name: "n", label: "N", type: "number", required: true }]),
    n("validate", "script", { source: "if (input.n % 3 === 0) throw new Error('totals do not match for ' + input.n); return input;", timeLimitMs: 1_000, memoryLimitMb: 16 }),
    endNode("end"),
  ],
  edges: [e("start", "validate"), e("validate", "end")],
};

async function published(graph: typeof approvalGraph | typeof checkGraph): Promise<string> {
  const id = await storeWorkflow(designer, graph);
  const res = await publishWorkflow(designer, { id });
  if (!res.ok) throw new Error(`${res.message} ${JSON.stringify(res)}`);
  return id;
}

const approver = {
  actorFor: () => designer,
  answer: () => ({ decision: rand() < 0.8 ? ("approve" as const) : ("reject" as const), values: {} }),
  waitMs: () => Math.round(5 * 60_000 + rand() * 3 * 3_600_000),
};

/** The figures of one (workflow, day) computed straight from the histories. */
function direct(histories: HistoryLike[]) {
  const durations = histories.map((h) => h.duration ?? 0);
  const waits = histories.flatMap((h) => (h.humanInteractions ?? []).map((i) => i.waitedMs ?? 0));
  return {
    runs: histories.length,
    completed: histories.filter((h) => h.status === "completed").length,
    failed: histories.filter((h) => h.status === "failed").length,
    costNanos: histories.reduce((s, h) => s + (h.aiUsage ?? []).reduce((t, u) => t + toNanos(u.cost), 0), 0),
    tokens: histories.reduce((s, h) => s + (h.aiUsage ?? []).reduce((t, u) => t + (u.inputTokens ?? 0) + (u.outputTokens ?? 0), 0), 0),
    aiCalls: histories.reduce((s, h) => s + (h.aiUsage ?? []).reduce((t, u) => t + (u.calls ?? 0), 0), 0),
    tasksCompleted: waits.length,
    approveMs: waits.reduce((s, w) => s + w, 0),
    slaBreaches: histories.flatMap((h) => h.humanInteractions ?? []).filter((i) => i.slaMs != null && (i.waitedMs ?? 0) > i.slaMs).length,
    durationMs: durations.reduce((s, d) => s + d, 0),
    p50: exactPercentile(durations, 0.5),
    p95: exactPercentile(durations, 0.95),
    approveP50: exactPercentile(waits, 0.5),
  };
}

async function compareWithHistories(): Promise<number> {
  const histories = (await ExecutionHistory.find().lean()) as unknown as HistoryLike[];
  const groups = new Map<string, HistoryLike[]>();
  for (const h of histories.filter(countsInRollups)) {
    const key = rowKey(String(h.workflowId), rollupDay(h.endedAt));
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  const rows = await allRows();
  expect(rows.map((r) => rowKey(r.workflowId, r.day)).sort()).toEqual([...groups.keys()].sort());
  for (const row of rows) {
    const want = direct(groups.get(rowKey(row.workflowId, row.day))!);
    const s = row.stats;
    expect({ runs: s.runs, completed: s.completed, failed: s.failed, costNanos: s.costNanos, tokens: s.tokens, aiCalls: s.aiCalls, tasksCompleted: s.tasksCompleted, approveMs: s.approveMs, slaBreaches: s.slaBreaches, durationMs: s.durationMs }).toEqual({
      runs: want.runs, completed: want.completed, failed: want.failed, costNanos: want.costNanos, tokens: want.tokens, aiCalls: want.aiCalls, tasksCompleted: want.tasksCompleted, approveMs: want.approveMs, slaBreaches: want.slaBreaches, durationMs: want.durationMs,
    });
    expect(withinHistogramError(percentile(s.durations, 0.5), want.p50)).toBe(true);
    expect(withinHistogramError(percentile(s.durations, 0.95), want.p95)).toBe(true);
    expect(withinHistogramError(percentile(s.approvals, 0.5), want.approveP50)).toBe(true);
  }
  return histories.length;
}

describe("roll-ups", () => {
  beforeAll(async () => {
    await Promise.all([ExecutionHistory.init(), HumanTask.init(), DailyRollup.init(), RollupInbox.init(), RollupFolded.init()]);
    worker = testWorker({ executors, providers: { tasks: tasksService }, concurrency: 6 });
  });
  afterAll(async () => {
    resetRunClock();
    await worker.stop(1_000);
  });

  it("measures why runs do not $inc the day document: FerretDB 1.24 loses concurrent increments", async () => {
    const col = mongoose.connection.collection<{ _id: string; runs: number }>("inc_probe");
    await Promise.all(Array.from({ length: 100 }, () => col.updateOne({ _id: "day" }, { $inc: { runs: 1 } }, { upsert: true }).catch(() => {})));
    const runs = (await col.findOne({ _id: "day" }))?.runs ?? 0;
    console.log(`[rollups] 100 concurrent $inc upserts left runs = ${runs}`);
    expect(runs).toBeGreaterThan(0);
    expect(runs).toBeLessThanOrEqual(100);
  });

  it("folds a random set of real runs over several days into roll-ups equal to the histories", async () => {
    const approval = await published(approvalGraph);
    const check = await published(checkGraph);
    const days = [12, 5, 2, 1].map((ago) => Date.now() - ago * 86_400_000);
    for (const at of days) {
      setRunClockTo(at);
      const count = 3 + Math.floor(rand() * 4);
      const runIds: string[] = [];
      for (let i = 0; i < count; i++) {
        const useApproval = rand() < 0.6;
        const input = useApproval ? { amount: Math.round(rand() * 1_000) } : { n: Math.floor(rand() * 9) };
        const res = await startRunFor(designer, { workflowId: useApproval ? approval : check, mode: "published", input });
        if (!res.ok) throw new Error(res.message);
        runIds.push(res.runId);
      }
      await driveAll(runIds, approver);
    }
    resetRunClock();
    await foldAll();
    const total = await compareWithHistories();
    const sums = (await allRows()).map((r) => r.stats);
    console.log("[rollups]", JSON.stringify({ runs: sums.reduce((t, s) => t + s.runs, 0), failed: sums.reduce((t, s) => t + s.failed, 0), approvals: sums.reduce((t, s) => t + s.tasksCompleted, 0), sla: sums.reduce((t, s) => t + s.slaBreaches, 0), costNanos: sums.reduce((t, s) => t + s.costNanos, 0) }));
    expect(sums.some((s) => s.failed > 0 && s.tasksCompleted > 0 && s.slaBreaches > 0) || (sums.some((s) => s.failed > 0) && sums.some((s) => s.slaBreaches > 0))).toBe(true);
    expect(total).toBeGreaterThanOrEqual(12);
    const statuses = await ExecutionHistory.distinct("status");
    expect(statuses).toContain("completed");
    const failedRow = (await allRows()).find((r) => r.stats.failed > 0);
    expect(failedRow).toBeTruthy();
    expect(failedRow!.stats.failures[0]).toMatchObject({ nodeId: "validate", lastMessage: expect.stringContaining("totals do not match") });

    // A rebuild from the histories gives the same documents.
    const sorted = (rows: DayRow[]) => rows.sort((a, b) => rowKey(a.workflowId, a.day).localeCompare(rowKey(b.workflowId, b.day)));
    const before = sorted(await allRows());
    const rebuilt = await rebuildRollups();
    expect(rebuilt.runs).toBe(total);
    const after = sorted(await allRows());
    expect(after).toEqual(before);
  }, 240_000);

  it("a view sees a day another process folded: its version moved, so the cached copy is read again", async () => {
    const workflowId = new mongoose.Types.ObjectId().toString();
    const ended = (i: number): HistoryLike => ({ _id: `cache-${i}`, workflowId, status: "completed", endedAt: new Date("2026-04-01T08:00:00Z"), duration: 500 + i, trigger: { type: "manual" } });
    const first = contributionOf(ended(1));
    await writeDay("2026-04-01", [{ workflowId, stats: first }], 1, []);
    expect(await readDays("2026-04-01", "2026-04-01")).toEqual([{ day: "2026-04-01", workflowId, stats: first }]);
    // Another process's folder: the version first, then the day, written with the driver alone.
    const both = addStats(first, contributionOf(ended(2)));
    await mongoose.connection.collection<{ _id: string }>("rollup_heads").updateOne({ _id: "2026" }, { $set: { "days.2026-04-01": 2 } });
    await mongoose.connection.collection<{ _id: string }>("workflow_daily_stats").updateOne({ _id: "2026-04-01" }, { $set: { v: 2, workflows: storedWorkflows([{ workflowId, stats: both }]) } });
    expect(await readDays("2026-04-01", "2026-04-01")).toEqual([{ day: "2026-04-01", workflowId, stats: both }]);
    expect((await readDays("2026-03-01", "2026-04-30")).filter((r) => r.day === "2026-04-01")[0].stats.runs).toBe(2);
  });

  it("counts each run exactly once: concurrent ends and folders, replays after a fold, a folder that died after writing", async () => {
    const workflowId = new mongoose.Types.ObjectId().toString();
    const endedAt = new Date("2026-03-04T10:00:00Z");
    const history = (i: number): HistoryLike => ({
      _id: `${workflowId.slice(0, 12)}${String(i).padStart(12, "0")}`,
      workflowId,
      status: i % 5 === 0 ? "failed" : "completed",
      endedAt,
      duration: 100 + i * 37,
      aiUsage: [{ provider: "simulated", model: "simulated", calls: 1, inputTokens: 10, outputTokens: i, cost: 0.000123 * i }],
      error: i % 5 === 0 ? { message: `boom ${i}`, nodeId: "n1" } : null,
      trigger: { type: "manual" },
    });
    const runs = Array.from({ length: 120 }, (_, i) => history(i + 1));
    // Every end recorded twice, concurrently, while five "processes" fold at the same time.
    await Promise.all([...runs, ...runs].map((h) => recordRunEnd(h)).concat(Array.from({ length: 5 }, () => foldPass().then(() => undefined))));
    await foldAll();
    // Late replays of ends that were already folded.
    await Promise.all(runs.slice(0, 30).map((h) => recordRunEnd(h)));
    await foldAll();
    const s = (await rowOf(workflowId, "2026-03-04"))!.stats;
    expect(s.runs).toBe(120);
    expect(s.failed).toBe(24);
    expect(s.costNanos).toBe(runs.reduce((t, h) => t + toNanos(h.aiUsage![0].cost), 0));
    expect(s.failures).toEqual([expect.objectContaining({ nodeId: "n1", failures: 24 })]);

    // Readable and queryable with the driver alone, as in mongosh.
    const days = mongoose.connection.collection("workflow_daily_stats");
    const raw = await days.findOne({ "workflows.workflowId": workflowId, "workflows.failed": { $gt: 0 } });
    expect(raw?._id).toBe("2026-03-04");
    expect(raw?.workflows[0]).toMatchObject({ workflowId, runs: 120, failed: 24, durations: { o: expect.any(Number), c: expect.any(Array) } });
    expect(raw?.workflows[0].models[0]).toMatchObject({ provider: "simulated", model: "simulated", calls: 120 });

    // A folder that died after writing the day but before marking its batch: the day names the
    // run in lastBatch and the inbox still holds it. The next fold must not count it again.
    const extra = { ...history(500), endedAt: new Date("2026-03-05T10:00:00Z") };
    await RollupInbox.create({ _id: extra._id, day: "2026-03-05", workflowId, stats: contributionOf(extra), at: new Date() });
    await writeDay("2026-03-05", [{ workflowId, stats: contributionOf(extra) }], 1, [extra._id]);
    await foldAll();
    expect((await rowOf(workflowId, "2026-03-05"))!.stats.runs).toBe(1);
    expect(await RollupInbox.countDocuments()).toBe(0);
  }, 120_000);
});
