import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One document per closed human task, with the task's _id as its own: inserting it is how a
// completion (or a cancel) wins. An insert on a taken _id fails atomically on MongoDB and on
// the embedded FerretDB alike, while a conditional update is not atomic on FerretDB 1.24's
// SQLite backend (it reads, then writes; see lib/tasks/closure.ts).
// Kept, re-measured with the _id index (`npm run bench:workarounds`, 2026-12-03): 1–4 of 50
// concurrent conditional updates of one document still "win"; 1 of 50 inserts of one _id does.
const closureSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ["completed", "cancelled"], required: true },
    runId: { type: String, required: true },
    stepId: { type: String, required: true },
    /** The step's output for a completion: { decision, values, comment, by, at }. */
    output: { type: Schema.Types.Mixed, default: null },
    by: { type: String, default: null },
    at: { type: Date, required: true },
    /** The decision's comment and who wrote it: whoever mirrors the closure onto the task adds them to its comments. */
    comment: { type: String, default: null },
    byName: { type: String, default: null },
    /** Set once the run was told; a completion without it may still need resuming. */
    resumedAt: { type: Date, default: null },
  },
  { collection: "task_closures", versionKey: false },
);

export type TaskClosureDoc = InferSchemaType<typeof closureSchema>;

export const TaskClosure: Model<InferSchemaType<typeof closureSchema>> =
  (mongoose.models.TaskClosure as Model<InferSchemaType<typeof closureSchema>>) ?? mongoose.model("TaskClosure", closureSchema);
