import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One run: the durable record of an execution, readable as it is: status, times, trigger,
// metrics, AI usage, human interactions and errors are fields; its state and history are fields
// of its execution_details document (models/ExecutionDetail.ts says why apart). Hot, per-step
// writes do not come here: a run's working copy is the `live_runs` checkpoint chain while workers move it
// (models/LiveRun.ts: an insert per step decides which worker may continue), and this document
// is written when the run is created and each time it leaves a worker (paused, waiting for a
// timer, ended), right after the checkpoint that says so.
// _id is an ObjectId's hex string, so ids sort by creation time and look like every other id.

export const RUN_STATUSES = ["pending", "running", "paused", "completed", "failed", "cancelled"] as const;
export const TRIGGER_TYPES = ["manual", "test", "subprocess", "schedule", "webhook", "api", "rerun"] as const;

const executionSchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: Schema.Types.ObjectId, required: true, immutable: true },
    workflowName: { type: String, default: "" },
    /** The published version the run is pinned to; null for a test run of the draft. */
    version: { type: Number, default: null, immutable: true },
    /** Where the graph is: a workflow_versions _id, or a run_graphs _id (draft snapshot) when version is null. */
    graphId: { type: String, required: true, immutable: true },
    status: { type: String, enum: RUN_STATUSES, default: "pending" },
    /** The seq of the run's last event. */
    seq: { type: Number, default: 0 },
    /** The version of the checkpoint chain this state was written at (models/LiveRun.ts). */
    stateVersion: { type: Number, default: 0 },
    activeNodes: { type: [String], default: [] },
    waiting: {
      type: [{ stepId: String, nodeId: String, attempt: Number, reason: String, since: Date, until: Date, _id: false }],
      default: [],
    },
    wakeAt: { type: Date, default: null },
    trigger: {
      type: { type: String, enum: TRIGGER_TYPES, required: true },
      by: { type: Schema.Types.ObjectId, default: null },
      ipAddress: { type: String, default: null },
      userAgent: { type: String, default: null },
      /** A trigger's or an API key's id when one started the run. */
      source: { type: String, default: null },
      /** "Run from here": the past run whose data this test run started with, and the node it started at. */
      startedFrom: { type: new Schema({ runId: String, nodeId: String }, { _id: false }), default: null },
    },
    /** The run input and the run's output (the last End node's), as JSON text. */
    input: { type: String, default: null },
    output: { type: String, default: null },
    metrics: {
      totalDuration: { type: Number, default: 0 },
      nodeCount: { type: Number, default: 0 },
      aiCalls: { type: Number, default: 0 },
      tokens: { type: Number, default: 0 },
      humanInterventions: { type: Number, default: 0 },
      cost: { type: Number, default: 0 },
      /** Extra AI spend approved beyond the per-run budget (lib/ai/budget). */
      approvedExtraUsd: { type: Number, default: 0 },
    },
    aiUsage: {
      type: [{ provider: String, model: String, calls: Number, inputTokens: Number, outputTokens: Number, cost: Number, _id: false }],
      default: [],
    },
    /** AI usage per node over the run (the Run dialog's estimate learns from it). */
    nodeAiUsage: {
      type: [{ nodeId: String, calls: Number, inputTokens: Number, outputTokens: Number, cost: Number, _id: false }],
      default: [],
    },
    humanInteractions: {
      type: [{ nodeId: String, stepId: String, by: String, handle: String, at: Date, waitedMs: Number, _id: false }],
      default: [],
    },
    error: { type: { message: String, code: String, nodeId: String, stepId: String, _id: false }, default: null },
    parentExecutionId: { type: String, default: null, immutable: true },
    parentStepId: { type: String, default: null, immutable: true },
    /** The attempt of the parent step that started this run: only that attempt is answered when it ends. */
    parentAttempt: { type: Number, default: null, immutable: true },
    depth: { type: Number, default: 0, immutable: true },
    /** The workflow's concurrency limit when the run was created (0: none). */
    concurrency: { type: Number, default: 0, immutable: true },
    startedAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
    /**
     * Set when the retention policy removed the run's step inputs, outputs, logs, user values
     * and events (lib/retention/prune.ts): when, why ("age" or "count") and the limit then.
     */
    pruned: { type: { at: Date, reason: String, limit: Number, _id: false }, default: null },
  },
  { timestamps: true, collection: "workflow_executions", minimize: false, versionKey: false },
);

// For a real MongoDB; the embedded FerretDB scans whatever the filter (DESIGN.md).
executionSchema.index({ workflowId: 1, createdAt: -1 });
executionSchema.index({ parentExecutionId: 1 });

export type ExecutionDoc = InferSchemaType<typeof executionSchema> & { _id: string; createdAt: Date; updatedAt: Date };

export const WorkflowExecution: Model<InferSchemaType<typeof executionSchema>> =
  (mongoose.models.WorkflowExecution as Model<InferSchemaType<typeof executionSchema>>) ??
  mongoose.model("WorkflowExecution", executionSchema);
