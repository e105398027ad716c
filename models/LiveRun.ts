import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// The working copy of a run while workers move it, as a chain of checkpoints: every persist
// INSERTS the next version (_id `${runId}:${v}`, v = previous + 1) holding the state, the
// runtime's book and the events of that step. The insert is the fence. On the embedded FerretDB
// a conditional update is not atomic (it reads, changes the document in Go and writes it back
// in a separate transaction), so two workers could both "win" one; an insert of a unique _id is
// decided by SQLite's unique index, so of two workers continuing from the same version exactly
// one gets the next. The loser stops without having written anything.
// A run's checkpoints are deleted a lease length after it left the workers (its state is then in
// the execution); until then they stay, so no worker still continuing from an old version can
// insert its successor again. The payload is compressed JSON: the embedded FerretDB decodes
// every byte of a collection on most reads, so the fewer bytes here, the faster every read.
const liveRunSchema = new Schema(
  {
    _id: { type: String, required: true },
    runId: { type: String, required: true },
    /** The checkpoint's version: 1 + the version it continues from. */
    v: { type: Number, required: true },
    /** The seq of the run's last event once this checkpoint is written. */
    seq: { type: Number, required: true },
    /** step: after a step; released: the run left the worker (paused); finished: it ended; handback: a stopping worker gave it back. */
    kind: { type: String, required: true },
    owner: { type: String, required: true },
    token: { type: Number, required: true },
    workflowId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, required: true },
    /** deflate(JSON of { state, book, meta, pendingEvents }) (lib/runtime/live-store.ts). */
    data: { type: Buffer, required: true },
    at: { type: Date, required: true },
  },
  { collection: "live_runs", versionKey: false, minimize: false },
);

liveRunSchema.index({ runId: 1, v: -1 });

export type LiveRunDoc = InferSchemaType<typeof liveRunSchema> & { _id: string };

export const LiveRun: Model<InferSchemaType<typeof liveRunSchema>> =
  (mongoose.models.LiveRun as Model<InferSchemaType<typeof liveRunSchema>>) ?? mongoose.model("LiveRun", liveRunSchema);
