import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { dayStatsSchema } from "./rollup-stats-schema";

// A run that ended and is not yet folded into its day's roll-up. _id is the run's id, so
// recording the same end twice (a worker that died mid-finish) inserts nothing new: with
// FerretDB 1.24's lost $inc updates (lib/rollups/fold.ts) an insert is the only exactly-once
// record a run can write. Small: the folder deletes entries once folded. `stats` is the run's
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
