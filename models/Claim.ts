import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One document per claimed key ("<workflowId>:rev:<n>", "rollups:folder", …). Inserting a
// document whose _id is taken fails atomically on every database we support, including FerretDB,
// whose conditional updates are not atomic under concurrency (see lib/db/claim.ts).
// Kept, re-measured with the _id index (`npm run bench:workarounds`, 2026-12-03): of 50 concurrent
// updateOne({ _id, v: 0 }) 1–4 still report a match, while of 50 concurrent inserts of one _id
// exactly 1 succeeds in every round. The index makes reads faster, not updates atomic. This is
// also the MongoDB pattern for a lock or an exactly-once step.
const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: "claims", versionKey: false },
);

export const Claim: Model<InferSchemaType<typeof claimSchema>> =
  (mongoose.models.Claim as Model<InferSchemaType<typeof claimSchema>>) ?? mongoose.model("Claim", claimSchema);
