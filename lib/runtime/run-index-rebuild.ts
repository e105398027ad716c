// Rebuilds the run index (run-index.ts) from the durable records: run_starts from
// workflow_executions, run_ends from execution_histories, one pass over each. Used by migration
// 004 (data stored before the index existed) and by bench:scale after it writes runs in bulk. Raw
// driver, like the migrations. Only while no process appends (a migration runs before the app).
import type { Db } from "mongodb";
import { chunkId, PART_ROWS, partId, utcDay } from "@/lib/db/day-log";
import { toNanos } from "@/lib/rollups/stats";
import type { RunEndRow, RunStartRow } from "./run-index";

type Row = RunStartRow | RunEndRow;

async function rewriteDays(db: Db, collection: string, byDay: Map<string, Row[]>): Promise<void> {
  const col = db.collection<{ _id: string; day: string; rows: Row[]; next?: number; at: Date }>(collection);
  for (const [day, rows] of byDay) {
    for (let k = 0; (await col.deleteOne({ _id: chunkId(day, k) })).deletedCount > 0; k++);
    for (let p = 0; (await col.deleteOne({ _id: partId(day, p) })).deletedCount > 0; p++);
    for (let p = 0; p * PART_ROWS < rows.length; p++) {
      await col.insertOne({ _id: partId(day, p), day, rows: rows.slice(p * PART_ROWS, (p + 1) * PART_ROWS), next: 0, at: new Date() }).catch((error: { code?: number }) => {
        // Another process rebuilding at the same moment (two starting together, each running the
        // migration) wrote this part from the same stored runs.
        if (error.code !== 11000) throw error;
      });
    }
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const time = (value: unknown) => (value instanceof Date ? value.getTime() : typeof value === "string" || typeof value === "number" ? new Date(value).getTime() : 0);

export async function rebuildRunIndex(db: Db): Promise<{ started: number; ended: number }> {
  // A run is listed under a day no earlier than its workflow's creation, where the list stops
  // looking (demo runs are dated before their workflows were made).
  const workflowCreated = new Map<string, number>();
  for await (const w of db.collection("workflows").find({}, { projection: { _id: 1, createdAt: 1 } })) workflowCreated.set(String(w._id), time(w.createdAt));

  const starts = new Map<string, Row[]>();
  let started = 0;
  for await (const e of db.collection("workflow_executions").find({}, { projection: { _id: 1, workflowId: 1, createdAt: 1 } })) {
    const workflowId = String(e.workflowId);
    const createdAt = time(e.createdAt);
    push(starts, utcDay(Math.max(createdAt, workflowCreated.get(workflowId) ?? 0)), { runId: String(e._id), workflowId, createdAt: new Date(createdAt) });
    started += 1;
  }
  for (const rows of starts.values()) rows.sort((a, b) => time((a as RunStartRow).createdAt) - time((b as RunStartRow).createdAt));

  const ends = new Map<string, Row[]>();
  let ended = 0;
  const histories = db.collection("execution_histories").find(
    {},
    { projection: { _id: 1, workflowId: 1, status: 1, trigger: 1, startedAt: 1, endedAt: 1, duration: 1, aiUsage: 1, humanInteractions: 1, error: 1 } },
  );
  for await (const h of histories) {
    if (!h.endedAt) continue;
    const aiUsage = (Array.isArray(h.aiUsage) ? h.aiUsage : []) as { cost?: number; calls?: number }[];
    push(ends, utcDay(time(h.endedAt)), {
      runId: String(h._id),
      workflowId: String(h.workflowId),
      status: String(h.status),
      trigger: h.trigger?.type ?? null,
      startedAt: h.startedAt ? new Date(time(h.startedAt)) : null,
      endedAt: new Date(time(h.endedAt)),
      durationMs: Number(h.duration ?? 0),
      costNanos: aiUsage.reduce((sum, u) => sum + toNanos(u.cost), 0),
      aiCalls: aiUsage.reduce((sum, u) => sum + (u.calls ?? 0), 0),
      approvals: Array.isArray(h.humanInteractions) ? h.humanInteractions.length : 0,
      error: h.error?.message ?? null,
      errorNodeId: h.error?.nodeId ?? null,
    });
    ended += 1;
  }
  for (const rows of ends.values()) rows.sort((a, b) => time((a as RunEndRow).endedAt) - time((b as RunEndRow).endedAt));

  await rewriteDays(db, "run_starts", starts);
  await rewriteDays(db, "run_ends", ends);
  return { started, ended };
}
