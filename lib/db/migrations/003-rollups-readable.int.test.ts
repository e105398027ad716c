// Migration 003 on the real embedded database: roll-ups written in the old packed shape (deflated
// JSON, inserted with the driver as the old code stored them) become readable fields that the
// dashboard's reader returns unchanged; a second run changes nothing.
import { deflateRawSync } from "node:zlib";
import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { readDays } from "@/lib/rollups/store";
import { contributionOf, type HistoryLike, type WorkflowDay } from "@/lib/rollups/stats";
import { rollupsReadable } from "./003-rollups-readable";
import { migrate } from "./index";

/** Documents as stored, any shape: what mongosh would show. */
type Loose = { _id: string } & Record<string, unknown>;

const packed = (value: unknown) => deflateRawSync(JSON.stringify(value), { level: 1 });

const run = (id: string, workflowId: string, endedAt: string, status = "completed"): HistoryLike => ({
  _id: id,
  workflowId,
  status,
  endedAt: new Date(endedAt),
  duration: 1_234,
  aiUsage: [{ provider: "openai", model: "gpt-4o-mini", calls: 2, inputTokens: 300, outputTokens: 40, cost: 0.00012 }],
  humanInteractions: [{ waitedMs: 60_000, slaMs: 30_000 }],
  error: status === "failed" ? { message: "upstream answered 503", nodeId: "fetch" } : null,
  trigger: { type: "manual" },
});

describe("migration 003-rollups-readable", () => {
  it("converts packed day documents and inbox entries to fields, idempotently", async () => {
    const db = mongoose.connection.db!;
    const wfA = "65a000000000000000000001";
    const wfB = "65a000000000000000000002";
    const day1: WorkflowDay[] = [
      { workflowId: wfA, stats: contributionOf(run("r1", wfA, "2025-12-31T10:00:00Z")) },
      { workflowId: wfB, stats: contributionOf(run("r2", wfB, "2025-12-31T11:00:00Z", "failed")) },
    ];
    const day2: WorkflowDay[] = [{ workflowId: wfA, stats: contributionOf(run("r3", wfA, "2026-01-02T09:00:00Z")) }];
    await db.collection<Loose>("workflow_daily_stats").insertMany([
      { _id: "2025-12-31", day: "2025-12-31", workflows: packed(day1), v: 4, lastBatch: ["r2"] },
      { _id: "2026-01-02", day: "2026-01-02", workflows: packed(day2), v: 1, lastBatch: [] },
    ]);
    const pending = contributionOf(run("r4", wfB, "2026-01-02T12:00:00Z"));
    await db.collection<Loose>("rollup_inbox").insertOne({ _id: "r4", day: "2026-01-02", workflowId: wfB, stats: packed(pending), at: new Date() });

    const reports = await migrate(db, [rollupsReadable]);
    expect(reports).toEqual([{ id: "003-rollups-readable", title: rollupsReadable.title, changed: 3 }]);

    // Readable and queryable by field, as in mongosh.
    const days = db.collection<Loose>("workflow_daily_stats");
    const failedDay = await days.findOne({ "workflows.failed": { $gt: 0 } });
    expect(failedDay?._id).toBe("2025-12-31");
    expect(failedDay?.workflows).toEqual([
      { workflowId: wfA, ...day1[0].stats },
      { workflowId: wfB, ...day1[1].stats },
    ]);
    expect(failedDay).toMatchObject({ workflows: [{}, { failures: [{ nodeId: "fetch", failures: 1, lastMessage: "upstream answered 503" }] }] });
    expect(failedDay).toMatchObject({ v: 4, lastBatch: ["r2"] });
    const inbox = await db.collection<Loose>("rollup_inbox").findOne({ _id: "r4" });
    expect(inbox?.stats).toEqual(pending);
    expect(await db.collection<Loose>("rollup_heads").find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: "2025", days: { "2025-12-31": 4 } },
      { _id: "2026", days: { "2026-01-02": 1 } },
    ]);
    // The dashboard's reader sees exactly the figures the packed documents held.
    expect(await readDays("2025-12-01", "2026-01-31")).toEqual([
      { day: "2025-12-31", ...day1[0] },
      { day: "2025-12-31", ...day1[1] },
      { day: "2026-01-02", ...day2[0] },
    ]);
    // The folder's claim is released.
    expect(await db.collection<Loose>("claims").findOne({ _id: "rollups:folder" })).toBeNull();

    // Run again (as a second process starting at once would): nothing left to change.
    const before = await days.find({}).sort({ _id: 1 }).toArray();
    expect(await rollupsReadable.run(db)).toBe(0);
    expect(await days.find({}).sort({ _id: 1 }).toArray()).toEqual(before);
    expect(await migrate(db, [rollupsReadable])).toEqual([]);
  });
});
