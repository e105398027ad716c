import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// The draft graph a test run was started from, frozen. _id is a hash of the graph's JSON and
// settings, so repeated test runs of an unchanged draft share one document, and a worker can
// cache it forever by _id (it never changes).
const runGraphSchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: Schema.Types.ObjectId, required: true },
    /** The graph, written and read only through models/graph-codec.ts. */
    nodes: { type: [Schema.Types.Mixed], default: [] },
    edges: { type: [Schema.Types.Mixed], default: [] },
    settings: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: "run_graphs", versionKey: false, minimize: false, timestamps: true },
);

export const RunGraph: Model<InferSchemaType<typeof runGraphSchema>> =
  (mongoose.models.RunGraph as Model<InferSchemaType<typeof runGraphSchema>>) ?? mongoose.model("RunGraph", runGraphSchema);
