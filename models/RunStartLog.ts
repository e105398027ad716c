import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { dayLogSchema } from "./day-log-schema";

// Which runs were created on each day (lib/runtime/run-index.ts): a workflow's runs list reads
// these by exact _id instead of filtering workflow_executions, which the embedded FerretDB answers
// by decoding every execution (2,000 runs: 778 ms per list; 100,000: ~40 s — bench:scale).
const row = new Schema(
  {
    runId: { type: String, required: true },
    workflowId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

const schema = dayLogSchema("run_starts", row);

export type RunStartLogDoc = InferSchemaType<typeof schema>;

export const RunStartLog: Model<RunStartLogDoc> = (mongoose.models.RunStartLog as Model<RunStartLogDoc>) ?? mongoose.model("RunStartLog", schema);
