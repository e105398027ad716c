import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One accepted webhook request, stored before the caller gets its 202. _id is
// `<triggerId>:k:<sha256 of the Idempotency-Key>` when the caller sent one (a redelivery's insert
// fails and finds the first delivery), `<triggerId>:<time>:<random>` otherwise. The run id is
// derived from the _id (lib/triggers/ids.ts). The run input is arbitrary user data: JSON text.
/** A delivery's fields besides its _id and receivedAt: also what its trigger_pending marker carries (models/TriggerPending.ts). */
export const deliveryFields = {
  triggerId: { type: String, required: true },
  workflowId: { type: String, required: true },
  runId: { type: String, required: true },
  method: { type: String, required: true },
  input: { type: String, required: true },
  idempotencyKey: { type: String, default: null },
  ipAddress: { type: String, default: null },
  userAgent: { type: String, default: null },
} as const;

const webhookDeliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    ...deliveryFields,
  },
  { collection: "webhook_deliveries", versionKey: false },
);

export const WebhookDelivery: Model<InferSchemaType<typeof webhookDeliverySchema>> =
  (mongoose.models.WebhookDelivery as Model<InferSchemaType<typeof webhookDeliverySchema>>) ??
  mongoose.model("WebhookDelivery", webhookDeliverySchema);
