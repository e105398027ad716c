import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One document ("tasks") that every process bumps after it changes a human task, so the other
// server processes learn by one read by _id (the cheap read on the embedded FerretDB) that their
// in-memory inbox index is stale, instead of rescanning human_tasks on a timer.
// Kept, re-measured with the _id index (`npm run bench:workarounds`, 2026-12-03, load 12): in
// 10,000 tasks a read by _id takes 1 ms, while any other filter still scans: one task by runId
// 3.2 s, the open tasks by status 5.1 s. So "did anything change?" stays one read by _id.
const inboxClockSchema = new Schema(
  {
    _id: { type: String, required: true },
    changedAt: { type: Date, required: true },
    /** The process that bumped it last, so a process ignores its own changes. */
    by: { type: String, required: true },
  },
  { collection: "inbox_clock", versionKey: false },
);

export const InboxClock: Model<InferSchemaType<typeof inboxClockSchema>> =
  (mongoose.models.InboxClock as Model<InferSchemaType<typeof inboxClockSchema>>) ?? mongoose.model("InboxClock", inboxClockSchema);
