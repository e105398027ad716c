import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { dayStatsSchema } from "./rollup-stats-schema";

// A run that ended and is not yet folded into its day's roll-up. _id is the run's id, so
// recording the same end twice (a worker that died mid-finish) inserts nothing new.
// Why runs do not $inc the day document instead: FerretDB 1.24 loses concurrent increments even
// with the _id index (`npm run bench:workarounds`, 2026-12-03: 200 concurrent $inc upserts of one
// document left 2–9), so an insert is the only exactly-once record a run can write; one folder
// sums them (lib/rollups/fold.ts). MongoDB would allow $inc; the inbox also keeps day documents
// single-writer, which the crash-safe lastBatch check relies on. Small: the folder deletes entries once folded. `stats` is the run's
// contribution (lib/rollups/stats.ts DayStats) as fields, like the day documents.
const rollupInboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    workflowId: { type: String, required: true },
    stats: { type: dayStatsSchema, required: true },
    at: { type: Date, required: true },
  },
  { collection: "rollup_inbox", versionKey: false },
);

export type RollupInboxDoc = InferSchemaType<typeof rollupInboxSchema> & { _id: string };

export const RollupInbox: Model<InferSchemaType<typeof rollupInboxSchema>> =
  (mongoose.models.RollupInbox as Model<InferSchemaType<typeof rollupInboxSchema>>) ?? mongoose.model("RollupInbox", rollupInboxSchema);
