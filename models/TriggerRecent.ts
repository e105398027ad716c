import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// The last firings of one trigger (_id: the trigger id), newest first, for the canvas's Triggers
// panel: one read by _id instead of a scan of trigger_fires / webhook_deliveries. A display aid:
// two firings recorded at the same instant may overwrite each other's line (FerretDB updates are
// read-modify-write), while the durable record stays in trigger_fires / webhook_deliveries.
export const RECENT_FIRINGS = 10;

const triggerRecentSchema = new Schema(
  {
    _id: { type: String, required: true },
    firings: {
      type: [
        {
          id: String,
          at: Date,
          runId: { type: String, default: null },
          status: { type: String, enum: ["started", "refused"] },
          reason: { type: String, default: null },
          _id: false,
        },
      ],
      default: [],
    },
  },
  { collection: "trigger_recent", versionKey: false },
);

export const TriggerRecent: Model<InferSchemaType<typeof triggerRecentSchema>> =
  (mongoose.models.TriggerRecent as Model<InferSchemaType<typeof triggerRecentSchema>>) ?? mongoose.model("TriggerRecent", triggerRecentSchema);
