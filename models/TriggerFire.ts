import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One document per fire time of a schedule, _id `<triggerId>:<fireTimeISO>`. Inserting it is
// how one process among many decides that it fires this time: an insert of a taken _id fails
// atomically on FerretDB and MongoDB alike, a conditional update would not (DESIGN.md). The run
// id is derived from the _id (lib/triggers/ids.ts), so finishing a start after a crash starts
// the same run, never a second one.
const triggerFireSchema = new Schema(
  {
    _id: { type: String, required: true },
    triggerId: { type: String, required: true },
    workflowId: { type: String, required: true },
    fireTime: { type: Date, required: true },
    firedAt: { type: Date, required: true },
    runId: { type: String, required: true },
    /** Whether it was a catch-up of a time missed while nothing ran ("runOnce" policy). */
    catchUp: { type: Boolean, default: false },
    process: { type: String, default: "" },
  },
  { collection: "trigger_fires", versionKey: false },
);

export const TriggerFire: Model<InferSchemaType<typeof triggerFireSchema>> =
  (mongoose.models.TriggerFire as Model<InferSchemaType<typeof triggerFireSchema>>) ?? mongoose.model("TriggerFire", triggerFireSchema);
