import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// The AI models admins offer in AI steps, with their prices (Settings → AI models,
// lib/ai-models/). `_id` is `<provider>:<modelId>`, so seeding today's table
// (lib/ai-models/seed.ts) is an insert that leaves an admin's edits alone, and a model is read by
// _id. A small collection (tens of rows): reading it whole is cheap even on the embedded FerretDB.
const aiModelSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** What people see in lists ("GPT-4o mini"). */
    name: { type: String, required: true },
    /** lib/ai/labels.ts AiProviderId. */
    provider: { type: String, required: true },
    /** The id sent to the provider ("gpt-4o-mini"). */
    modelId: { type: String, required: true },
    /** US dollars per million input (prompt) tokens; null: price unknown. */
    inputPerMillion: { type: Number, default: null },
    /** US dollars per million output (completion) tokens; null: price unknown. */
    outputPerMillion: { type: Number, default: null },
    /** Offered in the AI steps' model lists; a disabled model keeps its price for past and running steps. */
    enabled: { type: Boolean, default: true },
    /** "seed" for rows from the built-in table, else the admin's user id who last saved it. */
    updatedBy: { type: String, default: null },
  },
  { collection: "ai_models", versionKey: false, timestamps: true },
);

export type AiModelDoc = InferSchemaType<typeof aiModelSchema> & { _id: string; createdAt: Date; updatedAt: Date };

export const AiModel: Model<InferSchemaType<typeof aiModelSchema>> =
  (mongoose.models.AiModel as Model<InferSchemaType<typeof aiModelSchema>>) ?? mongoose.model("AiModel", aiModelSchema);
