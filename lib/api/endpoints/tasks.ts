import "server-only";
// The key owner's inbox: open tasks assigned or offered to them, and deciding one, through the
// inbox's own services (lib/tasks/queries.ts, lib/tasks/decide.ts) with the inbox's rules.
import { decideTask } from "@/lib/tasks/decide";
import { inboxParamsSchema } from "@/lib/tasks/inbox-query";
import { inboxFor } from "@/lib/tasks/queries";
import type { TaskRow } from "@/lib/tasks/rows";
import { endpoint } from "../endpoint";
import { ApiError, type ApiErrorCode, type ApiErrorDetail } from "../errors";
import { completeTaskBody, listTasksQuery, taskCompleted, taskList, taskParams } from "../schemas";

const isoOrNull = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

function taskOf(row: TaskRow) {
  return {
    id: row.id,
    title: row.title,
    status: row.status as "pending" | "in_progress" | "overdue",
    priority: row.priority,
    dueAt: isoOrNull(row.dueAt),
    createdAt: new Date(row.createdAt).toISOString(),
    assignee: row.assignee,
    workflowId: row.workflowId,
    workflowName: row.workflowName,
    runId: row.runId,
  };
}

export const listTasksEndpoint = endpoint({
  method: "GET",
  path: "/tasks",
  operationId: "listTasks",
  tag: "Tasks",
  summary: "List my open tasks",
  description: "Open human tasks of the key's owner, soonest due first: `tab=mine` those assigned to them, `tab=available` those offered to them or their roles that nobody holds.",
  permission: "inbox:use",
  query: listTasksQuery,
  response: taskList,
  errors: ["invalid_request"],
  async handle({ actor, query }) {
    const page = await inboxFor(actor, inboxParamsSchema.parse({ tab: query.tab, sort: "due" }), query.offset, query.limit);
    return { tasks: page.rows.map(taskOf), total: page.total, offset: query.offset, limit: query.limit };
  },
});

const STATUS_OF: Record<"not_found" | "forbidden" | "closed" | "invalid", ApiErrorCode> = {
  not_found: "not_found",
  forbidden: "forbidden",
  closed: "conflict",
  invalid: "validation_failed",
};

/** The inbox's field errors as details: the reason of a rejection is `comment`, every other key is a form field under `values`. */
function detailsOf(errors: Record<string, string[]> | undefined): ApiErrorDetail[] | undefined {
  if (!errors) return undefined;
  return Object.entries(errors).flatMap(([key, messages]) =>
    messages.map((message) => ({ in: "body" as const, path: key === "comment" || key === "decision" ? key : `values.${key}`, message })),
  );
}

export const completeTaskEndpoint = endpoint({
  method: "POST",
  path: "/tasks/{id}/complete",
  operationId: "completeTask",
  tag: "Tasks",
  summary: "Approve, reject or complete a task",
  description:
    "Decides a human task as the inbox does: the key's owner must be its assignee, or a candidate while nobody holds it (admins always may); form values are checked against the task's form; a rejection needs a reason. Exactly one decision wins; a second answers 409. The paused run then continues.",
  permission: "inbox:use",
  params: taskParams,
  body: completeTaskBody,
  bodyExample: { decision: "approve", values: { approvedAmount: 42.5 }, comment: "Fine by me" },
  response: taskCompleted,
  errors: ["not_found", "conflict", "invalid_request", "unsupported_media_type", "payload_too_large", "validation_failed"],
  async handle({ actor, params, body, meta }) {
    const result = await decideTask(actor, params.id, body, meta);
    if (!result.ok) throw new ApiError(STATUS_OF[result.code], result.message, detailsOf(result.errors));
    return { taskId: params.id, decision: result.resume.output.decision, message: result.message };
  },
});
