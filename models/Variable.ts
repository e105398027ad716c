import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { VARIABLE_TYPES } from "@/lib/variables/kinds";
import { sealedSecretSchema } from "./sealed-secret";

// One global or per-workflow variable. The _id is "global:<name>" or "<workflowId>:<name>", so a
// name is unique in its scope by the insert itself (atomic on FerretDB too, DESIGN.md), and a
// run's secret lookup at step time is a read by _id.
const variableSchema = new Schema(
  {
    _id: { type: String, required: true },
    scope: { type: String, enum: ["global", "workflow"], required: true, immutable: true },
    /** Null for a global variable. */
    workflowId: { type: Schema.Types.ObjectId, default: null, immutable: true },
    name: { type: String, required: true, immutable: true },
    type: { type: String, enum: VARIABLE_TYPES, required: true },
    description: { type: String, default: "" },
    secret: { type: Boolean, default: false },
    /** The value as JSON text (a user payload: any JSON, keys included); null for a secret. */
    value: { type: String, default: null },
    /** A secret's value, sealed with AES-256-GCM and bound to the _id; never sent to the browser. */
    sealed: { type: sealedSecretSchema, default: null },
    updatedBy: { type: Schema.Types.ObjectId },
  },
  { timestamps: true, collection: "variables", versionKey: false },
);

variableSchema.index({ workflowId: 1 });

export type VariableDoc = InferSchemaType<typeof variableSchema> & { _id: string; createdAt: Date; updatedAt: Date };

export const Variable: Model<InferSchemaType<typeof variableSchema>> =
  (mongoose.models.Variable as Model<InferSchemaType<typeof variableSchema>>) ?? mongoose.model("Variable", variableSchema);
