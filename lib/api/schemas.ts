// The REST API's shapes as zod schemas: requests are parsed with them and the OpenAPI document
// is generated from them (lib/api/openapi.ts), so the two cannot disagree. Input schemas reuse
// the UI's where one exists (run ids, workflow ids, the inbox's task completion).
import { z } from "zod";
import { inputFieldTypes } from "@/lib/nodes/start/definition";
import { RUN_STATUSES } from "@/lib/runtime/list-params";
import { startRunSchema } from "@/lib/runtime/start";
import { completeTaskInputSchema } from "@/lib/tasks/complete";
import { LIST_SORTS, LIST_STATUSES, workflowIdSchema } from "@/lib/workflows/schema";

const runIdPattern = z.string({ error: "Run id is required" }).regex(/^[a-f0-9]{24}$/, { error: "That is not a run id" });
const taskIdPattern = z.string({ error: "Task id is required" }).regex(/^[a-f0-9]{24}$/, { error: "That is not a task id" });
const isoDate = z.string().meta({ format: "date-time" });

export const workflowParams = z.object({ id: workflowIdSchema.meta({ description: "The workflow's id (24 hex characters)." }) });
export const runParams = z.object({ id: runIdPattern.meta({ description: "The run's id (24 hex characters)." }) });
export const taskParams = z.object({ id: taskIdPattern.meta({ description: "The task's id (24 hex characters)." }) });

const page = {
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(100, { error: "limit may be at most 100" })
    .default(20)
    .meta({ description: "How many to return (1–100, default 20)." }),
  offset: z.coerce
    .number({ error: "offset must be a number" })
    .int({ error: "offset must be a whole number" })
    .min(0, { error: "offset must be 0 or more" })
    .max(100_000, { error: "offset may be at most 100000" })
    .default(0)
    .meta({ description: "How many to skip (default 0)." }),
};

export const listWorkflowsQuery = z.object({
  q: z.string().trim().max(200, { error: "q may be at most 200 characters" }).default("").meta({ description: "Only workflows whose name contains this text (any case)." }),
  status: z.enum(LIST_STATUSES, { error: `status must be one of: ${LIST_STATUSES.join(", ")}` }).default("current").meta({ description: "current (default: all but archived), draft, active, archived or all." }),
  tag: z.string().trim().max(40, { error: "tag may be at most 40 characters" }).default("").meta({ description: "Only workflows with this tag (any case)." }),
  sort: z.enum(LIST_SORTS, { error: `sort must be one of: ${LIST_SORTS.join(", ")}` }).default("updated").meta({ description: "updated (default), name or created." }),
});

export const listRunsQuery = z.object({
  status: z.enum(RUN_STATUSES, { error: `status must be one of: ${RUN_STATUSES.join(", ")}` }).optional().meta({ description: "Only runs with this status." }),
  ...page,
});

export const TASK_TABS = ["mine", "available"] as const;
export const listTasksQuery = z.object({
  tab: z.enum(TASK_TABS, { error: `tab must be one of: ${TASK_TABS.join(", ")}` }).default("mine").meta({
    description: "mine (default): open tasks assigned to you; available: open tasks offered to you or your roles that nobody holds.",
  }),
  ...page,
});

export const startRunBody = z.object({
  mode: startRunSchema.shape.mode
    .default("published")
    .meta({ description: "published (default): the published version. test: a snapshot of the current draft (needs the right to run the workflow)." }),
  input: z.record(z.string(), z.unknown(), { error: "input must be an object of named fields" }).optional().meta({ description: "The run's input: the fields the Start node declares (see GET /workflows/{id})." }),
});

/** The inbox's own body for deciding a task, so the API refuses exactly what the inbox refuses. */
export const completeTaskBody = completeTaskInputSchema.meta({
  description: "decision: approve (also completes a form-only task) or reject (needs a comment of 3 characters or more); values: the task's form fields by name; comment: optional text.",
});

const inputField = z.object({
  name: z.string(),
  label: z.string().optional(),
  type: z.enum(inputFieldTypes),
  required: z.boolean(),
  description: z.string().optional(),
});

export const workflowSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(["draft", "active", "archived"]),
  tags: z.array(z.string()),
  publishedVersion: z.number().int().nullable().meta({ description: "The published version's number; null when never published." }),
  access: z.enum(["owner", "editor", "viewer"]).meta({ description: "What the key's owner may do with it." }),
  updatedAt: isoDate,
});

export const workflowDetail = workflowSummary.extend({
  canRun: z.boolean().meta({ description: "Whether the key's owner may start, cancel and re-run runs of it." }),
  inputFields: z.object({
    published: z.array(inputField).nullable().meta({ description: "What a run of the published version takes; null when not published." }),
    draft: z.array(inputField).nullable().meta({ description: "What a test run of the draft takes; null without the right to run it." }),
  }),
});

const runTrigger = z.object({ type: z.string().meta({ description: "manual, test, api, schedule, webhook, rerun, subworkflow…" }), byName: z.string().nullable() });

export const runSummary = z.object({
  id: z.string(),
  workflowId: z.string(),
  workflowName: z.string(),
  version: z.number().int().nullable().meta({ description: "The version it runs; null for a test run of the draft." }),
  status: z.enum(RUN_STATUSES),
  trigger: runTrigger,
  createdAt: isoDate,
  startedAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
});

const stepError = z.object({ message: z.string(), code: z.string().optional() });

export const runDetail = runSummary.extend({
  input: z.unknown(),
  output: z.unknown().meta({ description: "The End node's output, once completed." }),
  errorDetail: stepError.extend({ nodeId: z.string().optional() }).nullable(),
  steps: z.array(
    z.object({
      nodeId: z.string(),
      label: z.string(),
      attempt: z.number().int(),
      status: z.enum(["succeeded", "failed", "cancelled"]),
      startedAt: isoDate.nullable(),
      endedAt: isoDate,
      durationMs: z.number().nullable(),
      error: stepError.nullable(),
    }),
  ),
  waiting: z.array(z.object({ nodeId: z.string(), label: z.string(), reason: z.string(), since: isoDate, until: isoDate.nullable() })),
  pruned: z
    .object({
      at: isoDate,
      reason: z.enum(["age", "count"]).meta({ description: "`age`: older than the days kept; `count`: beyond the runs kept per workflow." }),
      limit: z.number().int().meta({ description: "The days kept (`age`) or the runs kept per workflow (`count`) when it was pruned." }),
    })
    .nullable()
    .meta({ description: "Set when the retention policy removed the run's input, output, step data and events: they then read as null." }),
});

export const runList = z.object({ runs: z.array(runSummary), offset: z.number().int(), limit: z.number().int(), hasMore: z.boolean() });
export const workflowList = z.object({ workflows: z.array(workflowSummary) });

export const runStarted = z.object({
  runId: z.string(),
  status: z.literal("pending"),
  mode: z.enum(["published", "test"]),
  message: z.string(),
  links: z.object({ run: z.string().meta({ description: "GET this to follow the run." }) }),
});

export const runCancelled = z.object({ runId: z.string(), status: z.enum(RUN_STATUSES), message: z.string() });

export const taskSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(["pending", "in_progress", "overdue"]),
  priority: z.string(),
  dueAt: isoDate.nullable(),
  createdAt: isoDate,
  assignee: z.string().nullable(),
  workflowId: z.string(),
  workflowName: z.string(),
  runId: z.string(),
});

export const taskList = z.object({ tasks: z.array(taskSummary), total: z.number().int(), offset: z.number().int(), limit: z.number().int() });
export const taskCompleted = z.object({ taskId: z.string(), decision: z.enum(["approve", "reject"]), message: z.string() });
