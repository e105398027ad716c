import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// A workflow drafted by AI from a sentence (lib/ai/draft): what was asked, of which model, what
// came back (the graph as readable arrays, through models/graph-codec.ts), what the validator
// found, whether the designer opened it (and as which workflow), their thumbs up/down, and what
// it cost. Read and changed only by _id, the one indexed read on the embedded FerretDB.
const problemSchema = new Schema(
  {
    code: { type: String, required: true },
    severity: { type: String, enum: ["error", "warning"], required: true },
    message: { type: String, required: true },
    nodeId: { type: String },
    edgeId: { type: String },
    path: { type: String },
  },
  { _id: false },
);

const aiWorkflowSuggestionSchema = new Schema(
  {
    prompt: { type: String, required: true },
    provider: { type: String, required: true },
    model: { type: String, required: true },
    /** ready: a workflow came back (it may still have problems); failed: the model's answer never fit the schema. */
    status: { type: String, enum: ["ready", "failed"], required: true },
    /** Why a failed draft failed, naming what was wrong with the answer. */
    error: { type: String, default: null },
    /** Model calls made: 1, or 2 after a repair attempt. */
    attempts: { type: Number, default: 1 },
    suggestion: {
      name: { type: String, default: "" },
      description: { type: String, default: "" },
      /** Written and read only through models/graph-codec.ts, like a workflow's graph. */
      nodes: { type: [Schema.Types.Mixed], default: [] },
      edges: { type: [Schema.Types.Mixed], default: [] },
    },
    problems: { type: [problemSchema], default: [] },
    /** What the draft could not carry and the designer should add: a schedule, for one. */
    notes: { type: [String], default: [] },
    applied: {
      workflowId: { type: Schema.Types.ObjectId, default: null },
      at: { type: Date, default: null },
    },
    feedback: {
      vote: { type: String, enum: ["up", "down", null], default: null },
      comment: { type: String, default: "" },
      at: { type: Date, default: null },
    },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    usage: {
      inputTokens: { type: Number, default: 0 },
      outputTokens: { type: Number, default: 0 },
      /** US dollars from lib/ai/pricing.ts; priced false when the model is not in the table. */
      cost: { type: Number, default: 0 },
      priced: { type: Boolean, default: true },
      durationMs: { type: Number, default: 0 },
    },
  },
  { timestamps: true, collection: "ai_workflow_suggestions", minimize: false },
);

export type AiWorkflowSuggestionDoc = InferSchemaType<typeof aiWorkflowSuggestionSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

export const AiWorkflowSuggestion: Model<InferSchemaType<typeof aiWorkflowSuggestionSchema>> =
  (mongoose.models.AiWorkflowSuggestion as Model<InferSchemaType<typeof aiWorkflowSuggestionSchema>>) ??
  mongoose.model("AiWorkflowSuggestion", aiWorkflowSuggestionSchema);
