import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One small document per email or IP ("email:a@b.c", "ip:1.2.3.4"), read and written by
// _id only: the fast path on every database we support.
const loginAttemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    failures: { type: [{ type: Date }], default: [] },
  },
  { collection: "login_attempts", versionKey: false },
);

export const LoginAttempt: Model<InferSchemaType<typeof loginAttemptSchema>> =
  (mongoose.models.LoginAttempt as Model<InferSchemaType<typeof loginAttemptSchema>>) ??
  mongoose.model("LoginAttempt", loginAttemptSchema);
