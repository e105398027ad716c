import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// The fold version of every day roll-up, one document per year (_id "2026", days: { "2026-03-04":
// 17, … }): a dashboard view reads these one or two small documents and then only the day
// documents whose version changed since its process last read them (lib/rollups/store.ts).
// Why it exists: reading just `v` from every day document costs the embedded FerretDB as much as
// reading the days whole (it converts whole documents before projecting; scripts/
// bench-rollup-shapes.ts). On MongoDB it is merely cheap. Written only by the roll-up folder
// (under its claim) and the rebuild, before the day it names, so a crash in between leaves a
// version no cached copy has: the next view re-reads that day rather than keep stale figures.
// Two folders at once (only after a claim went stale, 30 s) could lose one's version update, as
// they could lose a day's figures before; `npm run rollups:rebuild` rewrites every version.
const rollupHeadSchema = new Schema(
  {
    _id: { type: String, required: true },
    days: { type: Map, of: Number, default: {} },
  },
  { collection: "rollup_heads", versionKey: false },
);

export const RollupHead: Model<InferSchemaType<typeof rollupHeadSchema>> =
  (mongoose.models.RollupHead as Model<InferSchemaType<typeof rollupHeadSchema>>) ?? mongoose.model("RollupHead", rollupHeadSchema);
