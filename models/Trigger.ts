import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { countLocalWrites } from "@/lib/db/local-writes";

// A workflow's schedule or webhook. The collection stays small (a few per workflow), so the
// scheduler reads all of it every second (lib/triggers/scheduler.ts) instead of needing an
// index the embedded FerretDB would not use. Manual runs and the REST API are not stored: every
// workflow has them. _id is 32 random url-safe characters: a webhook's URL is /api/hooks/<_id>.
// Only the scheduler and the webhook route read it; the owner's edits are the only writes, so a
// non-atomic update on FerretDB never races with firing (firings go to trigger_fires,
// webhook_deliveries and trigger_recent).
export const TRIGGER_KINDS = ["schedule", "webhook"] as const;

const scheduleSchema = new Schema(
  {
    cron: { type: String, required: true },
    timezone: { type: String, required: true },
    startAt: { type: Date, default: null },
    endAt: { type: Date, default: null },
    /** What happens to fire times missed while no process ran: "skip" them, or "runOnce" for the latest. */
    missed: { type: String, enum: ["skip", "runOnce"], default: "skip" },
  },
  { _id: false },
);

const webhookSchema = new Schema(
  {
    methods: { type: [String], default: ["POST"] },
    auth: { type: String, enum: ["token", "hmac"], required: true },
    /** sha256 of the bearer token (hex); the token itself is shown once. */
    tokenHash: { type: String, default: null },
    /** The HMAC secret, AES-256-GCM sealed with CREDENTIALS_KEY (lib/credentials/crypto.ts), bound to the trigger id. */
    secret: { type: { iv: String, tag: String, data: String, _id: false }, default: null },
    /** "accepted": 202 with the run id; "wait": the End node's output, or 202 after waitMs. */
    responseMode: { type: String, enum: ["accepted", "wait"], default: "accepted" },
    waitMs: { type: Number, default: 10_000 },
    /** Requests per minute this trigger accepts (per process: an in-process token bucket). */
    ratePerMinute: { type: Number, default: 600 },
    maxBodyBytes: { type: Number, default: 1024 * 1024 },
  },
  { _id: false },
);

const triggerSchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: String, required: true },
    kind: { type: String, enum: TRIGGER_KINDS, required: true },
    name: { type: String, default: "" },
    enabled: { type: Boolean, default: true },
    /** Whose rights the trigger's runs use: the user who created it or last changed it. */
    owner: { type: String, required: true },
    /** When it was last created, enabled or changed: a "run once" catch-up never fires a time before it. */
    armedAt: { type: Date, required: true },
    schedule: { type: scheduleSchema, default: null },
    webhook: { type: webhookSchema, default: null },
  },
  { collection: "triggers", versionKey: false, timestamps: true, minimize: false },
);

triggerSchema.index({ workflowId: 1 });

export type TriggerDoc = InferSchemaType<typeof triggerSchema> & { _id: string; createdAt: Date; updatedAt: Date };

// Cached reads of webhook requests (lib/triggers/webhook/hook-state.ts) see this process's writes at once.
countLocalWrites(triggerSchema, "Trigger");

export const Trigger: Model<InferSchemaType<typeof triggerSchema>> =
  (mongoose.models.Trigger as Model<InferSchemaType<typeof triggerSchema>>) ?? mongoose.model("Trigger", triggerSchema);
