import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// Runs asleep on a timer that is still far off (lib/runtime/parking.ts). They are kept out of
// run_queue because every worker's claim read passes over all of run_queue on the embedded
// FerretDB: 10,000 sleeping runs there would tax every running one. One process moves the
// timers that come due into run_queue a little ahead of time, so they still wake on the dot.
const runTimerSchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: Schema.Types.ObjectId, required: true },
    concurrency: { type: Number, default: 0 },
    wakeAt: { type: Date, required: true },
  },
  { collection: "run_timers", versionKey: false, timestamps: true },
);

export type RunTimerDoc = InferSchemaType<typeof runTimerSchema> & { _id: string };

export const RunTimer: Model<InferSchemaType<typeof runTimerSchema>> =
  (mongoose.models.RunTimer as Model<InferSchemaType<typeof runTimerSchema>>) ?? mongoose.model("RunTimer", runTimerSchema);
