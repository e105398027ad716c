import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One document per event of a run, ordered by seq. _id is `${runId}:${seq}` with seq padded
// to 10 digits (lib/runtime/ids.ts), so one run's events are a contiguous _id range and a
// reader can also fetch one event by _id. `data` is the event's other fields as a subdocument;
// the user values among them (input, output, error.details) are JSON text inside it, since they
// may break the database's key rules (lib/runtime/event-records.ts).
const eventLogSchema = new Schema(
  {
    _id: { type: String, required: true },
    runId: { type: String, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true },
    nodeId: { type: String, default: null },
    stepId: { type: String, default: null },
    data: { type: Schema.Types.Mixed, default: {} },
    metadata: {
      userId: { type: String, default: null },
      ipAddress: { type: String, default: null },
      userAgent: { type: String, default: null },
    },
    at: { type: Date, required: true },
  },
  { collection: "event_logs", versionKey: false, minimize: false },
);

eventLogSchema.index({ runId: 1, seq: 1 }, { unique: true });

export type EventLogDoc = InferSchemaType<typeof eventLogSchema> & { _id: string };

export const EventLog: Model<InferSchemaType<typeof eventLogSchema>> =
  (mongoose.models.EventLog as Model<InferSchemaType<typeof eventLogSchema>>) ?? mongoose.model("EventLog", eventLogSchema);
