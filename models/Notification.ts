import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// In-app notifications: one per user and message. _id is derived from the sending step's
// idempotency key and the user (lib/notifications/send.ts), so a replayed step adds none.
const notificationSchema = new Schema(
  {
    userId: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, default: "" },
    /** A path inside the app, e.g. /inbox/<taskId> or /runs/<runId>. */
    link: { type: String, default: null },
    readAt: { type: Date, default: null },
    /** Where it came from, for the run page. */
    runId: { type: String, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: "notifications" },
);

// Real MongoDB uses it for "my latest notifications"; the embedded FerretDB scans (DESIGN.md).
notificationSchema.index({ userId: 1, createdAt: -1 });

export type NotificationDoc = InferSchemaType<typeof notificationSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date };

export const Notification: Model<InferSchemaType<typeof notificationSchema>> =
  (mongoose.models.Notification as Model<InferSchemaType<typeof notificationSchema>>) ??
  mongoose.model("Notification", notificationSchema);
