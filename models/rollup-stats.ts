import { Schema } from "mongoose";

// The shape of lib/rollups/stats.ts DayStats, shared by the roll-up and its inbox.
const bucket = { type: [{ b: Number, n: Number, _id: false }], default: [] };

export const dayStatsSchema = new Schema(
  {
    runs: { type: Number, default: 0 },
    completed: { type: Number, default: 0 },
    failed: { type: Number, default: 0 },
    cancelled: { type: Number, default: 0 },
    durationMs: { type: Number, default: 0 },
    durations: bucket,
    costNanos: { type: Number, default: 0 },
    tokens: { type: Number, default: 0 },
    aiCalls: { type: Number, default: 0 },
    models: { type: [{ provider: String, model: String, calls: Number, tokens: Number, costNanos: Number, _id: false }], default: [] },
    tasksCreated: { type: Number, default: 0 },
    tasksCompleted: { type: Number, default: 0 },
    approveMs: { type: Number, default: 0 },
    approvals: bucket,
    slaBreaches: { type: Number, default: 0 },
    failures: { type: [{ nodeId: String, failures: Number, lastMessage: String, lastAt: Date, lastRunId: String, _id: false }], default: [] },
  },
  { _id: false },
);
