import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One document per change of a task's assignment (claim, release, delegate, escalate), with
// _id "<taskId>:v<version>": the one caller whose insert succeeds changes that version of the
// task; the others read here who did it and when. Conditional updates are not atomic on the
// embedded FerretDB (see lib/db/claim.ts), an insert on a taken _id is.
// Kept, re-measured with the _id index (`npm run bench:workarounds`, 2026-12-03): 1–4 of 50
// concurrent updateOne({ _id, version }) still report a match; 1 of 50 inserts of one _id wins.
const taskChangeSchema = new Schema(
  {
    _id: { type: String, required: true },
    taskId: { type: String, required: true },
    kind: { type: String, required: true },
    by: { type: String, default: null },
    byName: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: "task_changes", versionKey: false },
);

export type TaskChangeDoc = InferSchemaType<typeof taskChangeSchema> & { _id: string };

export const TaskChange: Model<InferSchemaType<typeof taskChangeSchema>> =
  (mongoose.models.TaskChange as Model<InferSchemaType<typeof taskChangeSchema>>) ?? mongoose.model("TaskChange", taskChangeSchema);
