// The run index (run-index.ts, lib/db/day-log.ts) on the real database: concurrent writers in
// "two processes" lose no row and duplicate none, the lists read from it match the runs, and the
// rebuild from the durable records (migration 004) gives the same answers and can run twice.
import mongoose from "mongoose";
import { beforeAll, describe, expect, it } from "vitest";
import { DayLog, utcDay } from "@/lib/db/day-log";
import { parseFilters } from "@/lib/dashboard/params";
import { listEndedRuns } from "@/lib/dashboard/runs";
import type { Actor } from "@/lib/auth/roles";
import { person } from "@/lib/workflows/test-fixtures";
import { RunEndLog } from "@/models/RunEndLog";
import { RunStartLog } from "@/models/RunStartLog";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { listRuns } from "./queries";
import { endedBetween, latestRunIds, runEnds, runStarts, type RunStartRow } from "./run-index";
import { rebuildRunIndex } from "./run-index-rebuild";
import { startRunFor } from "./start";
import { e, endNode, startNode, storeWorkflow, testWorker, waitForStatus } from "./test-support";

let admin: Actor;

beforeAll(async () => {
  await Promise.all([Workflow.init(), WorkflowExecution.init(), RunStartLog.init(), RunEndLog.init()]);
  admin = await person("admin@run-index.test", ["admin"]);
});

describe("the run index (real database)", () => {
  it("keeps every row of two processes appending at once, each once", async () => {
    const day = "2031-01-02";
    const a = new DayLog<RunStartRow>(RunStartLog, { flushMs: 1 });
    const b = new DayLog<RunStartRow>(RunStartLog, { flushMs: 1 });
    const row = (who: string, i: number): RunStartRow => ({ runId: `${who}-${i}`, workflowId: "w", createdAt: new Date(Date.UTC(2031, 0, 2, 0, 0, i)) });
    await Promise.all(Array.from({ length: 60 }, (_, i) => [a.append(day, row("a", i)), b.append(day, row("b", i))]).flat());
    const reader = new DayLog<RunStartRow>(RunStartLog);
    const ids = (await reader.rowsOf(day)).map((r) => r.runId).sort();
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    // A later append is seen by a reader that already read the day (today or yesterday only are re-read).
    const today = utcDay(Date.now());
    await reader.rowsOf(today);
    await a.append(today, row("late", 1));
    expect((await reader.rowsOf(today)).map((r) => r.runId)).toContain("late-1");
  });

  it("lists a workflow's runs newest first and the runs that ended, from the index", async () => {
    const worker = testWorker();
    try {
      const workflowId = await storeWorkflow(admin, { nodes: [startNode(), endNode()], edges: [e("start", "end")] });
      const runIds: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await startRunFor(admin, { workflowId, mode: "test", input: {} });
        if (!res.ok) throw new Error(res.message);
        runIds.push(res.runId);
        await waitForStatus(res.runId);
      }
      const listed = await listRuns(admin, workflowId);
      expect(listed!.map((r) => r.id)).toEqual([...runIds].reverse());
      expect(listed!.every((r) => r.status === "completed")).toBe(true);
      const today = utcDay(Date.now());
      const ended = (await endedBetween(today, today)).filter((r) => r.workflowId === workflowId);
      expect(ended.map((r) => r.runId).sort()).toEqual([...runIds].sort());
      expect(ended[0]).toMatchObject({ status: "completed", trigger: "test" });
    } finally {
      await worker.stop(500);
    }
  });

  it("is rebuilt by two processes at once without either failing (both run the migration when they start together)", async () => {
    const db = mongoose.connection.db!;
    const workflowId = new mongoose.Types.ObjectId();
    const created = new Date("2031-03-01T08:00:00Z");
    await db.collection("workflows").insertOne({ _id: workflowId, name: "Raced", createdAt: created });
    await db.collection("workflow_executions").insertMany([0, 1].map((i) => ({ _id: `raced-run-${i}` as never, workflowId, status: "pending", createdAt: new Date(created.getTime() + i * 1_000) })));
    const [a, b] = await Promise.all([rebuildRunIndex(db), rebuildRunIndex(db)]);
    expect(a).toEqual(b);
    runStarts.forget();
    expect(await latestRunIds(String(workflowId), created, 10, Date.parse("2031-03-05T00:00:00Z"))).toEqual(["raced-run-1", "raced-run-0"]);
  });

  it("is rebuilt from the executions and histories, the same twice", async () => {
    const db = mongoose.connection.db!;
    const workflowId = new mongoose.Types.ObjectId();
    const created = new Date("2030-05-01T08:00:00Z");
    await db.collection("workflows").insertOne({ _id: workflowId, name: "Old data", createdAt: created });
    const runs = [0, 1, 2].map((i) => ({ _id: `old-run-${i}`, at: new Date(created.getTime() + i * 86_400_000 + 3_600_000) }));
    await db.collection("workflow_executions").insertMany(runs.map((r) => ({ _id: r._id as never, workflowId, status: "completed", createdAt: r.at })));
    await db.collection("execution_histories").insertMany(
      runs.map((r, i) => ({ _id: r._id as never, workflowId, status: i === 2 ? "failed" : "completed", trigger: { type: "api" }, startedAt: r.at, endedAt: new Date(r.at.getTime() + 500), duration: 500, aiUsage: [{ cost: 0.25, calls: 2 }], humanInteractions: [], error: i === 2 ? { message: "boom", nodeId: "x" } : null })),
    );
    const first = await rebuildRunIndex(db);
    expect(first.started).toBeGreaterThanOrEqual(3);
    const second = await rebuildRunIndex(db);
    expect(second).toEqual(first);
    runStarts.forget();
    runEnds.forget();
    expect(await latestRunIds(String(workflowId), created, 10, Date.parse("2030-05-10T00:00:00Z"))).toEqual(["old-run-2", "old-run-1", "old-run-0"]);
    const ended = await endedBetween("2030-05-01", "2030-05-03", Date.parse("2030-05-10T00:00:00Z"));
    expect(ended.map((r) => r.runId)).toEqual(["old-run-2", "old-run-1", "old-run-0"]);
    expect(ended[0]).toMatchObject({ status: "failed", error: "boom", errorNodeId: "x", costNanos: 250_000_000, aiCalls: 2 });
    // The explorer reads the same rows (an admin sees every workflow).
    const page = await listEndedRuns(admin, parseFilters({ range: "custom", from: "2030-05-01", to: "2030-05-03", status: "failed" }, "2030-05-10"));
    expect(page.rows.map((r) => r.id)).toEqual(["old-run-2"]);
    expect(page.total).toBe(1);
  });
});
