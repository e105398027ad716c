import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { dayStatsFields } from "./rollup-stats-schema";

// The dashboard's roll-ups: one document per UTC day (_id "YYYY-MM-DD") listing, for every
// workflow that had runs end that day, its figures as fields (`workflows: [{ workflowId, runs,
// failed, durations: { o, c }, models: [...], … }]`, models/rollup-stats-schema.ts).
//
// Why one document per day and an in-process cache (lib/rollups/store.ts): the embedded FerretDB
// converts every stored value of every document it returns, 7–14 µs a value on this machine
// whatever the _id index does. `npm run bench:rollup-shapes` (2026-12-03, load 9; 100,000 runs,
// 1,820 workflow-days, ~305,000 values): readable per-day documents, all 4.5 s; one document
// per workflow and day 4.1 s (only `v` 3.4 s, by _id range 3.8 s, $in of 200 ids 3.2 s: neither
// uses the index; 200 finds by _id 1.1 s); the former packed JSON 0.07 s. So a view reads the
// days' versions (models/RollupHead.ts) and then, by _id, only the days that changed since its
// process last read them: usually today's, ~70 ms for 20 workflows.
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
