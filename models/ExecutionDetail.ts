import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// The bulky, readable half of a run, one document per run (_id = the run's id), read and written
// by _id only: the engine's state, the history entries and the events not yet in event_logs.
// workflow_executions keeps the rest (status, times, trigger, metrics, AI usage, human
// interactions, errors), which is what lists, sweeps and the dashboard drill-down filter on.
// Why two documents: on the embedded FerretDB every filter but an exact _id decodes every
// document of the collection, fields it does not return included. Measured with 1,000 finished
// 20-step runs (load ≈ 9): a workflow's runs list took 5.6–12 s with state and history as fields
// in the execution, 0.2 s when they were packed buffers. On MongoDB one document would do; the
// split costs it one more read by _id when a run page opens or a worker takes a run up.
const executionDetailSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** The engine's RunState as fields; the user values inside it are JSON text (lib/engine/storage.ts). */
    state: { type: Schema.Types.Mixed, required: true },
    /**
     * One entry per finished attempt { nodeId, stepId, attempt, status, startedAt, endedAt,
     * durationMs, input, output, handle, error, logs } (lib/runtime/book.ts); input and output
     * are the step's user values as JSON text, capped at 64 KB (the full ones are in the events).
     */
    executionHistory: { type: [Schema.Types.Mixed], default: [] },
    /** Events not yet copied to event_logs, shaped like event_logs documents. */
    pendingEvents: { type: [Schema.Types.Mixed], default: [] },
    /**
     * The checkpoint version (models/LiveRun.ts) this state was written at, and the seq of its
     * last event. The execution repeats them, written after this document: readers that use the
     * state take these, so state, history and seq always belong together.
     */
    stateVersion: { type: Number, default: 0 },
    seq: { type: Number, default: 0 },
  },
  { collection: "execution_details", versionKey: false, minimize: false, timestamps: true },
);

export type ExecutionDetailDoc = InferSchemaType<typeof executionDetailSchema> & { _id: string };

export const ExecutionDetail: Model<InferSchemaType<typeof executionDetailSchema>> =
  (mongoose.models.ExecutionDetail as Model<InferSchemaType<typeof executionDetailSchema>>) ??
  mongoose.model("ExecutionDetail", executionDetailSchema);
