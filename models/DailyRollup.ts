import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { dayStatsSchema } from "./rollup-stats";

// One workflow's figures for one UTC day (lib/rollups/stats.ts), what the dashboard reads.
// _id is "<workflowId>:<YYYY-MM-DD>". Written by one folder at a time (lib/rollups/fold.ts):
// FerretDB 1.24 loses concurrent $inc updates, so runs do not increment this document
// themselves. `v` counts folds; `lastBatch` names the runs of the last fold, so a folder that
// died after writing this document but before marking those runs does not count them again.
const dailyRollupSchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: String, required: true },
    day: { type: String, required: true },
    stats: { type: dayStatsSchema, required: true },
    v: { type: Number, default: 0 },
    lastBatch: { type: [String], default: [] },
  },
  { collection: "workflow_daily_stats", versionKey: false, minimize: false, timestamps: { createdAt: false, updatedAt: true } },
);

dailyRollupSchema.index({ day: 1, workflowId: 1 });

export type DailyRollupDoc = InferSchemaType<typeof dailyRollupSchema> & { _id: string };

export const DailyRollup: Model<InferSchemaType<typeof dailyRollupSchema>> =
  (mongoose.models.DailyRollup as Model<InferSchemaType<typeof dailyRollupSchema>>) ?? mongoose.model("DailyRollup", dailyRollupSchema);
