import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { dayStatsFields } from "./rollup-stats-schema";

// The dashboard's roll-ups: one document per UTC day (_id "YYYY-MM-DD") listing, for every
// workflow that had runs end that day, its figures as fields (`workflows: [{ workflowId, runs,
// failed, durations: { o, c }, models: [...], … }]`, models/rollup-stats-schema.ts).
//
// Why one document per day and an in-process cache (lib/rollups/store.ts): the embedded FerretDB
// converts every stored value of every document it returns, ~7 µs a value on this machine
// (scripts/bench-rollup-shapes.ts, 100,000 runs, 1,820 workflow-days of ~150 values each):
// readable per-day documents 3.8 s, one document per workflow and day 2.4 s (by _id range
// 3.4 s, $in of 200 ids 2.8 s: neither uses the _id index), the former packed JSON 0.05 s. So a
// view reads only the days whose version (models/RollupHead.ts) changed since it last read them,
// each by _id; a day is one indexed read wherever its workflows are.
// Written by one folder at a time (lib/rollups/fold.ts): FerretDB 1.24 loses concurrent $inc
// updates, so runs do not increment this document themselves. `v` counts folds; `lastBatch`
// names the runs of the last fold, so a folder that died after writing this document but
// before marking those runs does not count them again.
const workflowDaySchema = new Schema({ workflowId: { type: String, required: true }, ...dayStatsFields }, { _id: false });

const dailyRollupSchema = new Schema(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    workflows: { type: [workflowDaySchema], default: [] },
    v: { type: Number, default: 0 },
    lastBatch: { type: [String], default: [] },
  },
  { collection: "workflow_daily_stats", versionKey: false, timestamps: { createdAt: false, updatedAt: true } },
);

dailyRollupSchema.index({ day: 1 });

export type DailyRollupDoc = InferSchemaType<typeof dailyRollupSchema> & { _id: string };

export const DailyRollup: Model<InferSchemaType<typeof dailyRollupSchema>> =
  (mongoose.models.DailyRollup as Model<InferSchemaType<typeof dailyRollupSchema>>) ?? mongoose.model("DailyRollup", dailyRollupSchema);
