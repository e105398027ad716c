// services.tasks.createForStep: the human step's task, created once per idempotency key. The
// task's _id is derived from the key, so a replayed step finds the task it created before.
import "server-only";
import { objectIdFromKey } from "@/lib/db/key-id";
import type { HumanTaskRequest } from "@/lib/runtime/services";
import { HumanTask } from "@/models/HumanTask";
import { Workflow } from "@/models/Workflow";
import { cancelTaskForStep } from "./cancel";
import { notifyAboutTask } from "./notify";
import { touchTask } from "./open-index";

async function workflowName(workflowId: string): Promise<string> {
  try {
    const wf = await Workflow.findById(workflowId, { name: 1 }).lean<{ name?: string }>();
    return wf?.name ?? "";
  } catch {
    return ""; // a name is a nicety for the list; never fail the step for it
  }
}

export function taskIdForKey(idempotencyKey: string): string {
  return String(objectIdFromKey("human_task", idempotencyKey));
}

export async function createTaskForStep(request: HumanTaskRequest): Promise<{ taskId: string }> {
  const _id = objectIdFromKey("human_task", request.idempotencyKey);
  const fields = {
    idempotencyKey: request.idempotencyKey,
    title: request.title,
    description: request.description,
    status: "pending",
    assignee: request.assignee,
    candidateRoles: request.candidateRoles,
    candidateUsers: request.candidateUsers,
    priority: request.priority,
    formFields: request.formFields,
    contextJson: request.contextData === undefined ? null : JSON.stringify(request.contextData),
    dueAt: request.dueAt,
    escalation: request.escalation ?? null,
    executionId: request.runId,
    workflowId: request.workflowId,
    nodeId: request.nodeId,
    stepId: request.stepId,
    stepTitle: request.stepTitle ?? null,
    spendApproval: request.spendApproval ?? null,
    version: 0,
    workflowName: await workflowName(request.workflowId),
    history: [{ type: "created", by: null, byName: null, at: new Date(), detail: null }],
  };
  let inserted = false;
  try {
    inserted = (await HumanTask.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true })).upsertedCount === 1;
  } catch (error) {
    // Two replays racing: the other one inserted it. Anything else is a real failure.
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  touchTask(String(_id));
  if (inserted) {
    const people = [...(request.assignee ? [request.assignee] : request.candidateUsers)];
    await notifyAboutTask({ id: String(_id), title: request.title, version: 0 }, "new", people);
  }
  return { taskId: String(_id) };
}

/** services.tasks for the runtime, with the cancel extension it calls when a run stops waiting. */
export const tasksService = {
  createForStep: createTaskForStep,
  cancelForStep: async (request: { runId: string; stepId: string; attempt: number; reason: string }) => {
    await cancelTaskForStep(request);
  },
};
