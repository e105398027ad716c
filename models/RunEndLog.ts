import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { dayLogSchema } from "./day-log-schema";

// Which runs ended on each day, with what the runs explorer shows and filters on
// (lib/runtime/run-index.ts). The explorer reads these by exact _id instead of filtering
// execution_histories, which the embedded FerretDB answers by decoding every record, twice
// (the page and its count): 2,000 runs 7.1 s per view (bench:scale).
const row = new Schema(
  {
    runId: { type: String, required: true },
    workflowId: { type: String, required: true },
    status: { type: String, required: true },
    trigger: { type: String, default: null },
    startedAt: { type: Date, default: null },
    endedAt: { type: Date, required: true },
    durationMs: { type: Number, default: 0 },
    /** AI cost in nano-dollars (lib/rollups/stats.ts toNanos): whole numbers add up exactly. */
    costNanos: { type: Number, default: 0 },
    aiCalls: { type: Number, default: 0 },
    approvals: { type: Number, default: 0 },
    error: { type: String, default: null },
    errorNodeId: { type: String, default: null },
  },
  { _id: false },
);

const schema = dayLogSchema("run_ends", row);

export type RunEndLogDoc = InferSchemaType<typeof schema>;

export const RunEndLog: Model<RunEndLogDoc> = (mongoose.models.RunEndLog as Model<RunEndLogDoc>) ?? mongoose.model("RunEndLog", schema);
