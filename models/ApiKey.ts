import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One personal API key. `_id` is the SHA-256 of the key (hex): a request's key is looked up
// by _id, the one indexed read on the embedded FerretDB, and the key itself is never stored.
// A plain hash is enough because keys carry 256 random bits (no dictionary to try).
// `publicId` names the key everywhere else (the list, revoking, a run's trigger.source), so
// the hash never leaves the server.
const apiKeySchema = new Schema(
  {
    _id: { type: String, required: true },
    publicId: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true, trim: true },
    /** The visible start of the key, e.g. "sy_live_ab12cd34", so people can tell keys apart. */
    prefix: { type: String, required: true },
    expiresAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true, collection: "api_keys" },
);
// What a real MongoDB needs for the settings list and for revoking by public id.
apiKeySchema.index({ userId: 1, createdAt: -1 });
apiKeySchema.index({ publicId: 1 }, { unique: true });

export type ApiKeyDoc = InferSchemaType<typeof apiKeySchema> & { _id: string; createdAt: Date; updatedAt: Date };

export const ApiKey: Model<InferSchemaType<typeof apiKeySchema>> =
  (mongoose.models.ApiKey as Model<InferSchemaType<typeof apiKeySchema>>) ?? mongoose.model("ApiKey", apiKeySchema);
