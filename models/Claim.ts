import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One document per claimed key ("<workflowId>:rev:<n>"). Inserting a document whose _id is
// taken fails atomically on every database we support, including FerretDB, whose conditional
// updates are not atomic under concurrency (see lib/db/claim.ts).
const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: "claims", versionKey: false },
);

export const Claim: Model<InferSchemaType<typeof claimSchema>> =
  (mongoose.models.Claim as Model<InferSchemaType<typeof claimSchema>>) ?? mongoose.model("Claim", claimSchema);
