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
// insert its successor again. Each checkpoint is readable and lean (lib/runtime/live-store.ts):
// the state, the events not yet in event_logs, the totals, and only the history the step added.
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
    /** The engine's RunState; its user values are JSON text (lib/engine/storage.ts). */
    state: { type: Schema.Types.Mixed, required: true },
    /** Events persisted here and not yet copied to event_logs, shaped like event_logs documents. */
    events: { type: [Schema.Types.Mixed], default: [] },
    /** History entries (lib/runtime/book.ts) added since the previous checkpoint. */
    history: { type: [Schema.Types.Mixed], default: [] },
    /** The book's metrics, AI usage, human interactions and interrupted waits, whole. */
    totals: { type: Schema.Types.Mixed, required: true },
    /** Which workflow and graph, who started it, its parent (lib/runtime/meta.ts). */
    meta: { type: Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
  },
  { collection: "live_runs", versionKey: false, minimize: false },
);

liveRunSchema.index({ runId: 1, v: -1 });

export type LiveRunDoc = InferSchemaType<typeof liveRunSchema> & { _id: string };

export const LiveRun: Model<InferSchemaType<typeof liveRunSchema>> =
  (mongoose.models.LiveRun as Model<InferSchemaType<typeof liveRunSchema>>) ?? mongoose.model("LiveRun", liveRunSchema);
