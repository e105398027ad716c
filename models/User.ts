import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { ROLES } from "@/lib/auth/roles";
import { countLocalWrites } from "@/lib/db/local-writes";

const apiKeySchema = new Schema(
  { name: String, prefix: String, hash: String, lastUsedAt: Date },
  { _id: false },
);

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true },
    passwordHash: { type: String, required: true },
    roles: { type: [String], enum: ROLES, default: [] },
    active: { type: Boolean, default: true },
    preferences: { type: Schema.Types.Mixed, default: {} },
    apiKeys: { type: [apiKeySchema], default: [] },
    /** Set at every successful sign-in (lib/auth/options.ts); absent when they never signed in. */
    lastSignInAt: { type: Date },
    /** Sessions signed in before this moment are ended (lib/auth/session.ts). */
    passwordChangedAt: { type: Date },
    /** An admin reset the password: the app asks them to choose their own until they do. */
    mustChangePassword: { type: Boolean, default: false },
  },
  { timestamps: true, collection: "users" },
);

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };

// Cached reads of webhook requests (lib/triggers/webhook/hook-state.ts) see this process's writes at once.
countLocalWrites(userSchema, "User");

// Reuse the compiled model across dev reloads instead of redefining it.
export const User: Model<InferSchemaType<typeof userSchema>> =
  (mongoose.models.User as Model<InferSchemaType<typeof userSchema>>) ?? mongoose.model("User", userSchema);
