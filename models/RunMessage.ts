import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// Messages for a run from outside its worker: a waiting step's answer (the inbox, a child run
// that ended), a cancel request, or a retry of a failed run. Posting one is an insert whose _id names what it answers
// (`${runId}:resume:${stepId}@${attempt}`, `${runId}:cancel`, `${runId}:retry:${seq}`), so a second answer to the same
// step is refused atomically by the unique _id, also on the embedded FerretDB. The worker
// holding the run applies them to the latest state and marks them applied; they are deleted
// when the run ends.
const runMessageSchema = new Schema(
  {
    _id: { type: String, required: true },
    runId: { type: String, required: true },
    kind: { type: String, enum: ["resume", "cancel", "retry"], required: true },
    /** The message's fields; a resume's result (user data) is JSON text inside it (lib/runtime/messages.ts). */
    body: { type: Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
    appliedAt: { type: Date, default: null },
  },
  { collection: "run_messages", versionKey: false, minimize: false },
);

runMessageSchema.index({ runId: 1 });

export const RunMessage: Model<InferSchemaType<typeof runMessageSchema>> =
  (mongoose.models.RunMessage as Model<InferSchemaType<typeof runMessageSchema>>) ?? mongoose.model("RunMessage", runMessageSchema);
