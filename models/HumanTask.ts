import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { escalationActions, taskPriorities } from "@/lib/nodes/human/definition";
import { formFieldKinds } from "@/lib/nodes/human/form-field";

export const TASK_STATUSES = ["pending", "in_progress", "completed", "cancelled", "overdue"] as const;
/** Statuses in which a task can still be completed. */
export const OPEN_TASK_STATUSES = ["pending", "in_progress", "overdue"] as const;

const formFieldSchema = new Schema(
  {
    name: { type: String, required: true },
    label: { type: String, required: true },
    kind: { type: String, enum: formFieldKinds, required: true },
    required: { type: Boolean, default: false },
    min: Number,
    max: Number,
    options: { type: [String], default: undefined },
  },
  { _id: false },
);

const commentSchema = new Schema(
  { by: { type: String, required: true }, byName: { type: String, default: null }, text: { type: String, required: true }, at: { type: Date, required: true } },
  { _id: false },
);

export const TASK_HISTORY_TYPES = ["created", "claimed", "released", "delegated", "escalated", "overdue", "reminded", "completed", "cancelled"] as const;

/** The task's own history, shown on the task: who did what, when. `detail` is free text (a reason, a target). */
const historySchema = new Schema(
  { type: { type: String, enum: TASK_HISTORY_TYPES, required: true }, by: { type: String, default: null }, byName: { type: String, default: null }, at: { type: Date, required: true }, detail: { type: String, default: null } },
  { _id: false },
);

const taskSchema = new Schema(
  {
    // _id is derived from idempotencyKey (lib/db/key-id.ts): creating a task twice is one upsert on _id.
    idempotencyKey: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: "" },
    status: { type: String, enum: TASK_STATUSES, default: "pending" },
    /** A user id or email; null when the task is offered to candidates. */
    assignee: { type: String, default: null },
    candidateRoles: { type: [String], default: [] },
    candidateUsers: { type: [String], default: [] },
    priority: { type: String, enum: taskPriorities, default: "medium" },
    formFields: { type: [formFieldSchema], default: [] },
    /** The step's input as JSON text: user data may hold keys the database refuses. */
    contextJson: { type: String, default: null },
    /** Set once, by the completion that won: { decision, values, comment, by, at }. */
    result: { type: Schema.Types.Mixed, default: null },
    completedBy: { type: String, default: null },
    completedAt: { type: Date, default: null },
    dueAt: { type: Date, default: null },
    escalation: {
      type: new Schema({ afterMinutes: Number, action: { type: String, enum: escalationActions }, to: String }, { _id: false }),
      default: null,
    },
    reminders: { type: [new Schema({ at: Date, sentAt: Date }, { _id: false })], default: [] },
    comments: { type: [commentSchema], default: [] },
    history: { type: [historySchema], default: [] },
    /** The workflow's name when the task was created, for the inbox list and its workflow filter. */
    workflowName: { type: String, default: "" },
    claimedAt: { type: Date, default: null },
    /** Set once the node's escalation was applied (it runs once per task). */
    escalatedAt: { type: Date, default: null },
    executionId: { type: String, required: true },
    workflowId: { type: String, required: true },
    nodeId: { type: String, required: true },
    stepId: { type: String, required: true },
    /** The human node's title when the task was made (null for tasks from before it was kept). */
    stepTitle: { type: String, default: null },
    /** Set on a task that approves extra AI spend for a paused AI step (lib/ai/budget/gate.ts): the amount asked. */
    spendApproval: { type: new Schema({ amountUsd: { type: Number, required: true } }, { _id: false }), default: null },
    /** Goes up by one on every change; a change names the version it is based on. */
    version: { type: Number, default: 0 },
  },
  { timestamps: true, collection: "human_tasks" },
);

// Real MongoDB uses these for the inbox; the embedded FerretDB scans either way (DESIGN.md).
taskSchema.index({ status: 1, dueAt: 1 });
taskSchema.index({ executionId: 1 });

export type HumanTaskDoc = InferSchemaType<typeof taskSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

export const HumanTask: Model<InferSchemaType<typeof taskSchema>> =
  (mongoose.models.HumanTask as Model<InferSchemaType<typeof taskSchema>>) ?? mongoose.model("HumanTask", taskSchema);
