import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// One document ("workflows") whose stamp changes whenever a workflow is created, deleted,
// renamed, shared, archived or given new settings (models/Workflow.ts hooks), so every process learns by one read by
// _id that its in-memory catalog of workflows (lib/workflows/catalog.ts) is stale. Why: reading
// names and access lists of 200 workflows decodes their whole documents, graphs included, on the
// embedded FerretDB — 1.0–2.0 s at load 6 (one of 1,000 nodes, 198 of 20) — for every dashboard
// and runs explorer view. Autosaves do not change the stamp.
const catalogClockSchema = new Schema(
  {
    _id: { type: String, required: true },
    stamp: { type: String, required: true },
    changedAt: { type: Date, required: true },
  },
  { collection: "catalog_clock", versionKey: false },
);

export const CatalogClock: Model<InferSchemaType<typeof catalogClockSchema>> =
  (mongoose.models.CatalogClock as Model<InferSchemaType<typeof catalogClockSchema>>) ?? mongoose.model("CatalogClock", catalogClockSchema);

export const WORKFLOW_CATALOG = "workflows";

/** Gives the catalog a new stamp: readers reload it. A lost race between two writers still leaves a new stamp. */
export async function bumpCatalogClock(): Promise<void> {
  const set = { $set: { stamp: new mongoose.Types.ObjectId().toHexString(), changedAt: new Date() } };
  try {
    await CatalogClock.updateOne({ _id: WORKFLOW_CATALOG }, set, { upsert: true });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    await CatalogClock.updateOne({ _id: WORKFLOW_CATALOG }, set);
  }
}
