import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// Written once when a run ends, for analytics. _id is the run's id, so writing it twice (a
// worker that died after writing it) is a duplicate-key error that the runtime ignores.
const executionHistorySchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, default: null },
    status: { type: String, required: true },
    startedAt: { type: Date, default: null },
    endedAt: { type: Date, required: true },
    duration: { type: Number, default: 0 },
    nodeMetrics: {
      type: [{ nodeId: String, type: { type: String }, runs: Number, durationMs: Number, status: String, _id: false }],
      default: [],
    },
    aiUsage: {
      type: [{ provider: String, model: String, calls: Number, inputTokens: Number, outputTokens: Number, cost: Number, _id: false }],
      default: [],
    },
    /** AI usage per node (the Run dialog's estimate learns from recent runs). */
    nodeAiUsage: {
      type: [{ nodeId: String, calls: Number, inputTokens: Number, outputTokens: Number, cost: Number, _id: false }],
      default: [],
    },
    humanInteractions: {
      // slaMs: the human step's "Due in" when it had one (for SLA breaches in the roll-ups).
      type: [{ nodeId: String, stepId: String, by: String, handle: String, at: Date, waitedMs: Number, slaMs: Number, _id: false }],
      default: [],
    },
    trigger: {
      type: { type: String, required: true },
      by: { type: Schema.Types.ObjectId, default: null },
    },
    error: { type: { message: String, code: String, nodeId: String, _id: false }, default: null },
  },
  { collection: "execution_histories", versionKey: false, minimize: false, timestamps: true },
);

executionHistorySchema.index({ workflowId: 1, endedAt: -1 });

export type ExecutionHistoryDoc = InferSchemaType<typeof executionHistorySchema> & { _id: string };

export const ExecutionHistory: Model<InferSchemaType<typeof executionHistorySchema>> =
  (mongoose.models.ExecutionHistory as Model<InferSchemaType<typeof executionHistorySchema>>) ??
  mongoose.model("ExecutionHistory", executionHistorySchema);
