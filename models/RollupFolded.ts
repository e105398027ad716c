import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One per run already counted in a roll-up (_id: the run's id). Insert-only and read only by
// _id: it lets the folder drop an end recorded again after its first record was folded (a worker
// that died after recording the end is replaced and records it again).
// Kept, re-measured with the _id index (`npm run bench:workarounds`, 2026-12-03): the check is a
// find by _id, 0.9 ms in 100,000 documents (a scan on the stock build: ~180 ms, bench:db-id).
// It grows by one small document per run. The alternatives cost more on the embedded database:
// run ids listed in the day document make every fold read and write them (7–14 µs a value,
// models/DailyRollup.ts); a flag on execution_histories makes a rebuild update every history by
// _id (100,000 runs at 140–400 updates/s: 4–12 min) instead of inserting these in batches.
const rollupFoldedSchema = new Schema(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
  },
  { collection: "rollup_folded", versionKey: false },
);

export const RollupFolded: Model<InferSchemaType<typeof rollupFoldedSchema>> =
  (mongoose.models.RollupFolded as Model<InferSchemaType<typeof rollupFoldedSchema>>) ?? mongoose.model("RollupFolded", rollupFoldedSchema);
