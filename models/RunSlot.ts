import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// Concurrency slots: one document per taken slot, _id `${workflowId}:${n}` for n below the
// workflow's limit. Taking a slot is inserting one of those ids: the unique _id makes it atomic
// (a counter with a conditional update would not be on the embedded FerretDB, see
// models/LiveRun.ts). Giving it back is deleting it.
// Kept, re-measured with the _id index (`npm run bench:workarounds`, 2026-12-03): 200 concurrent
// $inc upserts of one counter left 2–9 and 1–4 of 50 conditional updates "won", while inserts of
// one _id admit exactly 1. The collection holds only slots taken now, so its scans (by runId)
// stay small.
const runSlotSchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: String, required: true },
    runId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: "run_slots", versionKey: false, minimize: false },
);

runSlotSchema.index({ runId: 1 });

export const RunSlot: Model<InferSchemaType<typeof runSlotSchema>> =
  (mongoose.models.RunSlot as Model<InferSchemaType<typeof runSlotSchema>>) ?? mongoose.model("RunSlot", runSlotSchema);
