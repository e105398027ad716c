import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// An immutable snapshot taken at publish; runs reference the version they ran. The _id is
// `${workflowId}:${version}`, so reading one version is an _id lookup (the only indexed read
// on the embedded FerretDB), and inserting it doubles as the lock against two publishes
// taking the same number.
const workflowVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: Schema.Types.ObjectId, required: true, immutable: true },
    version: { type: Number, required: true, immutable: true },
    /** The graph, written and read only through models/graph-codec.ts. */
    nodes: { type: [Schema.Types.Mixed], default: [], immutable: true },
    edges: { type: [Schema.Types.Mixed], default: [], immutable: true },
    settings: { type: Schema.Types.Mixed, default: {} },
    notes: { type: String, default: "" },
    publishedBy: { type: Schema.Types.ObjectId },
    publishedAt: { type: Date, required: true },
  },
  { collection: "workflow_versions", minimize: false, versionKey: false },
);

workflowVersionSchema.index({ workflowId: 1, version: 1 }, { unique: true });

// Snapshots never change: refuse every update through the model. Deleting stays allowed, for
// deleting the workflow they belong to.
for (const op of ["updateOne", "updateMany", "findOneAndUpdate", "replaceOne", "findOneAndReplace"] as const) {
  workflowVersionSchema.pre(op, () => {
    throw new Error("Workflow versions are immutable: publish a new version instead.");
  });
}

workflowVersionSchema.pre("save", function () {
  if (!this.isNew) throw new Error("Workflow versions are immutable: publish a new version instead.");
});

export const versionId = (workflowId: string, version: number) => `${workflowId}:${version}`;

export type WorkflowVersionDoc = InferSchemaType<typeof workflowVersionSchema>;

export const WorkflowVersion: Model<InferSchemaType<typeof workflowVersionSchema>> =
  (mongoose.models.WorkflowVersion as Model<InferSchemaType<typeof workflowVersionSchema>>) ??
  mongoose.model("WorkflowVersion", workflowVersionSchema);
