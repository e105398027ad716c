import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// How far the retention job has got (lib/retention/job.ts), one document `_id: "retention"`,
// written only by the process holding the hour's survey claim. Watermarks let a survey skip
// what an earlier one already pruned without reading each execution:
// - prunedThrough: every finished run that ended at or before it has been pruned by age;
// - workflows[]: per workflow, every finished run that ended at or before `through` has been
//   pruned (by age or by the per-workflow count; the set beyond the newest N only grows
//   backwards in time, so a moment is enough).
const retentionProgressSchema = new Schema(
  {
    _id: { type: String, required: true },
    prunedThrough: { type: Date, default: null },
    workflows: { type: [{ workflowId: String, through: Date, _id: false }], default: [] },
    lastSurveyAt: { type: Date, default: null },
    lastPruned: { type: Number, default: 0 },
  },
  { collection: "retention_progress", versionKey: false, minimize: false },
);

export type RetentionProgressDoc = InferSchemaType<typeof retentionProgressSchema> & { _id: string };

export const RetentionProgress: Model<InferSchemaType<typeof retentionProgressSchema>> =
  (mongoose.models.RetentionProgress as Model<InferSchemaType<typeof retentionProgressSchema>>) ??
  mongoose.model("RetentionProgress", retentionProgressSchema);
