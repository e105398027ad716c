import { Schema } from "mongoose";

// One workflow's roll-up figures (lib/rollups/stats.ts DayStats) as plain BSON fields, shared by
// the day documents (models/DailyRollup.ts) and the inbox of ended runs (models/RollupInbox.ts),
// so `mongosh` shows and can query every figure: { "workflows.failed": { $gt: 0 } }.
const histogram = { o: { type: Number, required: true }, c: { type: [Number], default: [] } };

export const dayStatsFields = {
  runs: { type: Number, required: true },
  completed: { type: Number, required: true },
  failed: { type: Number, required: true },
  cancelled: { type: Number, required: true },
  durationMs: { type: Number, required: true },
  /** Log-scale histogram (lib/rollups/histogram.ts): bucket o holds c[0] runs, o+1 c[1], … */
  durations: { type: new Schema(histogram, { _id: false }), required: true },
  costNanos: { type: Number, required: true },
  tokens: { type: Number, required: true },
  aiCalls: { type: Number, required: true },
  models: {
    type: [new Schema({ provider: String, model: String, calls: Number, tokens: Number, costNanos: Number }, { _id: false })],
    default: [],
  },
  tasksCreated: { type: Number, required: true },
  tasksCompleted: { type: Number, required: true },
  approveMs: { type: Number, required: true },
  approvals: { type: new Schema(histogram, { _id: false }), required: true },
  slaBreaches: { type: Number, required: true },
  failures: {
    type: [new Schema({ nodeId: String, failures: Number, lastMessage: String, lastAt: String, lastRunId: String }, { _id: false })],
    default: [],
  },
};

export const dayStatsSchema = new Schema(dayStatsFields, { _id: false });
