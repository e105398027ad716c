import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { deliveryFields } from "./WebhookDelivery";

// Firings whose run may not be started yet: inserted with the fire or the delivery, deleted once
// its run exists (or was refused). Kept apart so the recovery pass (lib/triggers/recovery.ts)
// reads a collection that holds only work in flight, not the whole history (on the embedded
// FerretDB any query but by _id reads every document).
// A webhook delivery's marker carries the delivery itself when its input is small: then it is the
// one insert a request waits for before its 202, and whoever starts the run
// (lib/triggers/webhook/deliveries.ts) first copies it to webhook_deliveries, the lasting record.
// A large input goes to webhook_deliveries before the 202 instead, so this collection, which every
// look for pending work reads whole, stays small.
const pendingDeliverySchema = new Schema(deliveryFields, { _id: false });

const triggerPendingSchema = new Schema(
  {
    /** The trigger_fires or webhook_deliveries _id. */
    _id: { type: String, required: true },
    kind: { type: String, enum: ["schedule", "webhook"], required: true },
    /** Fire time claimed, or delivery received. */
    at: { type: Date, required: true },
    /** A webhook delivery's trigger (for the Triggers panel's count of deliveries waiting to start). */
    triggerId: { type: String, default: undefined },
    /**
     * A webhook's delivery, when its input is small (lib/triggers/webhook/deliveries.ts CARRY_LIMIT);
     * absent on schedule markers and when the delivery went to webhook_deliveries before the 202.
     */
    delivery: { type: pendingDeliverySchema, default: undefined },
    /** The process that accepted the delivery runs no worker: any worker process starts it now (lib/triggers/webhook/pickup.ts). */
    handedOff: { type: Boolean, default: undefined },
  },
  { collection: "trigger_pending", versionKey: false },
);

export type PendingDelivery = InferSchemaType<typeof pendingDeliverySchema>;
export type PendingDoc = InferSchemaType<typeof triggerPendingSchema> & { _id: string };

export const TriggerPending: Model<InferSchemaType<typeof triggerPendingSchema>> =
  (mongoose.models.TriggerPending as Model<InferSchemaType<typeof triggerPendingSchema>>) ??
  mongoose.model("TriggerPending", triggerPendingSchema);
