import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One per run already counted in a roll-up (_id: the run's id). Insert-only and read only by
// _id: it lets the folder drop an end recorded again after its first record was folded.
const rollupFoldedSchema = new Schema(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
  },
  { collection: "rollup_folded", versionKey: false },
);

export const RollupFolded: Model<InferSchemaType<typeof rollupFoldedSchema>> =
  (mongoose.models.RollupFolded as Model<InferSchemaType<typeof rollupFoldedSchema>>) ?? mongoose.model("RollupFolded", rollupFoldedSchema);
