import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";

// Workspace settings an admin edits, one small document per topic, read by _id. Today one:
// `_id: "retention"` (lib/retention/settings.ts): how long finished runs keep their step data
// and events, and how many finished runs each workflow keeps. A missing document means the
// defaults, so a fresh database needs nothing written.
const appSettingSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Retention: days a finished run keeps its step data and events. */
    keepDays: { type: Number, default: null },
    /** Retention: finished runs kept with their details per workflow; null is no limit. */
    keepPerWorkflow: { type: Number, default: null },
    updatedBy: { type: String, default: null },
  },
  { collection: "app_settings", versionKey: false, minimize: false, timestamps: true },
);

export type AppSettingDoc = InferSchemaType<typeof appSettingSchema> & { _id: string; updatedAt: Date };

export const AppSetting: Model<InferSchemaType<typeof appSettingSchema>> =
  (mongoose.models.AppSetting as Model<InferSchemaType<typeof appSettingSchema>>) ?? mongoose.model("AppSetting", appSettingSchema);
