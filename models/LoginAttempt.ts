import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// Sign-in throttling (lib/auth/rate-limit.ts), read and written by _id only: the fast path on
// every database we support. Three kinds of small documents share the collection:
//   "pair:<email>|<address>"          failures of one email from one address, and the last one's time
//   "pair:<email>|<address>#<count>"  the ticket of the one attempt in flight at that count
//   "email:<email>:<hour>"            failures of one email from every address in one hour
const loginAttemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    failures: { type: Number },
    lastFailureAt: { type: Date },
    at: { type: Date },
  },
  { collection: "login_attempts", versionKey: false },
);

export const LoginAttempt: Model<InferSchemaType<typeof loginAttemptSchema>> =
  (mongoose.models.LoginAttempt as Model<InferSchemaType<typeof loginAttemptSchema>>) ??
  mongoose.model("LoginAttempt", loginAttemptSchema);
