import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// Firings whose run may not be started yet: inserted with the fire or delivery, deleted once its
// run exists (or was refused). Kept apart so the recovery pass (lib/triggers/recovery.ts) reads a
// collection that holds only work in flight, not the whole history (on the embedded FerretDB any
// query but by _id reads every document).
const triggerPendingSchema = new Schema(
  {
    /** The trigger_fires or webhook_deliveries _id. */
    _id: { type: String, required: true },
    kind: { type: String, enum: ["schedule", "webhook"], required: true },
    at: { type: Date, required: true },
  },
  { collection: "trigger_pending", versionKey: false },
);

export const TriggerPending: Model<InferSchemaType<typeof triggerPendingSchema>> =
  (mongoose.models.TriggerPending as Model<InferSchemaType<typeof triggerPendingSchema>>) ??
  mongoose.model("TriggerPending", triggerPendingSchema);
