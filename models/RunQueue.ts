import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// The small collection workers claim from: one tiny document per run that can move now or
// later by itself (pending, waiting for a timer or a retry, being worked on, or with a message
// to apply). A run waiting only for a person or a child run has no entry. The lease here keeps
// two workers from doing the same work; it is not what keeps a run consistent: on the embedded
// FerretDB even a conditional findOneAndUpdate can let two claimers through, and the
// checkpoint chain (models/LiveRun.ts) decides which of them may write.
const runQueueSchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: Schema.Types.ObjectId, required: true },
    /** Not to be claimed before this time (pending: now; a timer: its wake-up time). */
    runnableAt: { type: Date, required: true },
    lease: {
      owner: { type: String, default: null },
      /** Goes up on every claim. */
      token: { type: Number, default: 0 },
      until: { type: Date, required: true },
    },
    /** The workflow's concurrency limit when the run was created (0: none). */
    concurrency: { type: Number, default: 0 },
    /** Claimed while every slot of its workflow was taken: it waits and is tried again. */
    waitingForSlot: { type: Boolean, default: false },
  },
  { collection: "run_queue", versionKey: false, minimize: false, timestamps: true },
);

runQueueSchema.index({ runnableAt: 1 });

export type RunQueueDoc = InferSchemaType<typeof runQueueSchema> & { _id: string };

export const RunQueue: Model<InferSchemaType<typeof runQueueSchema>> =
  (mongoose.models.RunQueue as Model<InferSchemaType<typeof runQueueSchema>>) ?? mongoose.model("RunQueue", runQueueSchema);
