import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// The dashboard's roll-ups: one document per UTC day (_id "YYYY-MM-DD") holding, for every
// workflow that had runs end that day, its figures (lib/rollups/stats.ts WorkflowDay[]), packed
// as compressed JSON (lib/runtime/codec.ts). Measured on the embedded FerretDB: reading 1,800
// per-workflow-per-day documents with nested fields took 4–6 s, 180 per-day documents with the
// same figures as nested arrays 8–16 s, and packed 0.25–0.6 s; so days are the documents and
// the figures travel as one binary field (lib/rollups/store.ts).
// Written by one folder at a time (lib/rollups/fold.ts): FerretDB 1.24 loses concurrent $inc
// updates, so runs do not increment this document themselves. `v` counts folds; `lastBatch`
// names the runs of the last fold, so a folder that died after writing this document but
// before marking those runs does not count them again.
const dailyRollupSchema = new Schema(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    workflows: { type: Buffer, required: true },
    v: { type: Number, default: 0 },
    lastBatch: { type: [String], default: [] },
  },
  { collection: "workflow_daily_stats", versionKey: false, timestamps: { createdAt: false, updatedAt: true } },
);

dailyRollupSchema.index({ day: 1 });

export type DailyRollupDoc = InferSchemaType<typeof dailyRollupSchema> & { _id: string };

export const DailyRollup: Model<InferSchemaType<typeof dailyRollupSchema>> =
  (mongoose.models.DailyRollup as Model<InferSchemaType<typeof dailyRollupSchema>>) ?? mongoose.model("DailyRollup", dailyRollupSchema);
