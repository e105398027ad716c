import { bumpCatalogClock } from "./CatalogClock";
import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { countLocalWrites } from "@/lib/db/local-writes";

export const WORKFLOW_STATUSES = ["draft", "active", "archived"] as const;

const ObjectId = Schema.Types.ObjectId;

// One line per published version, kept in the workflow itself so the versions panel is one
// read by _id: on the embedded FerretDB a query on workflow_versions by workflowId would read
// and decode every snapshot of every workflow.
const versionSummarySchema = new Schema(
  {
    version: { type: Number, required: true },
    notes: { type: String, default: "" },
    publishedBy: { type: ObjectId },
    publishedAt: { type: Date, required: true },
    nodeCount: { type: Number, default: 0 },
    edgeCount: { type: Number, default: 0 },
  },
  { _id: false },
);

const workflowSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    description: { type: String, default: "" },
    status: { type: String, enum: WORKFLOW_STATUSES, default: "draft" },
    /** Goes up by one on every graph save; a save names the revision it is based on. */
    revision: { type: Number, default: 1 },
    publishedVersion: { type: Number, default: null },
    /** The graph, written and read only through models/graph-codec.ts; checked with zod first. */
    nodes: { type: [Schema.Types.Mixed], default: [] },
    edges: { type: [Schema.Types.Mixed], default: [] },
    /** Kept beside the graph so the list can show them without reading it. */
    nodeCount: { type: Number, default: 0 },
    edgeCount: { type: Number, default: 0 },
    versions: { type: [versionSummarySchema], default: [] },
    metadata: {
      creator: { type: ObjectId },
      lastEditor: { type: ObjectId },
      tags: { type: [String], default: [] },
      category: { type: String, default: "" },
    },
    settings: { type: Schema.Types.Mixed, default: {} },
    /**
     * "Available to AI assistants": /api/mcp lists and runs its published version for API keys
     * whose owner may run it. Beside the settings, not in them: settings are frozen into each
     * version, while this, like sharing, takes effect at once for the workflow as a whole.
     */
    availableToAi: { type: Boolean, default: false },
    permissions: {
      owners: { type: [ObjectId], default: [] },
      editors: { type: [ObjectId], default: [] },
      viewers: { type: [ObjectId], default: [] },
      isPublic: { type: Boolean, default: false },
    },
  },
  { timestamps: true, collection: "workflows", minimize: false },
);

// What the in-memory catalog (lib/workflows/catalog.ts) holds: a write touching one of these, a
// new workflow or a deleted one gives the catalog clock a new stamp. Graph saves do not.
const CATALOG_FIELDS = ["name", "status", "permissions", "settings"];
const touchesCatalog = (update: unknown): boolean => {
  if (!update || typeof update !== "object") return true;
  const keys = Object.entries(update).flatMap(([key, value]) => (key.startsWith("$") && value && typeof value === "object" ? Object.keys(value) : [key]));
  return keys.some((key) => CATALOG_FIELDS.some((field) => key === field || key.startsWith(`${field}.`)));
};
workflowSchema.post("save", async () => bumpCatalogClock());
workflowSchema.post("insertMany", async () => bumpCatalogClock());
workflowSchema.post(["deleteOne", "deleteMany", "findOneAndDelete"], { document: false, query: true }, async () => bumpCatalogClock());
workflowSchema.post(["updateOne", "updateMany", "findOneAndUpdate", "replaceOne"], async function () {
  if (touchesCatalog(this.getUpdate())) await bumpCatalogClock();
});

export type WorkflowDoc = InferSchemaType<typeof workflowSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

// Cached reads of webhook requests (lib/triggers/webhook/hook-state.ts) see this process's writes at once.
countLocalWrites(workflowSchema, "Workflow");

// Reuse the compiled model across dev reloads instead of redefining it.
export const Workflow: Model<InferSchemaType<typeof workflowSchema>> =
  (mongoose.models.Workflow as Model<InferSchemaType<typeof workflowSchema>>) ??
  mongoose.model("Workflow", workflowSchema);
