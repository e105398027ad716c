// What every task action answers: ok with a message, or a refusal that says why (and, for
// forms, which field). "not_found" covers tasks that do not exist and tasks one may not see.
import "server-only";
import { isValidObjectId } from "mongoose";
import { HumanTask, type HumanTaskDoc } from "@/models/HumanTask";
import { canSeeTask, type TaskActor } from "./access";
import type { AuditedTask } from "./audit";

export type TaskActionResult =
  | { ok: true; message: string }
  | { ok: false; code: "not_found" | "forbidden" | "closed" | "conflict" | "invalid"; message: string; errors?: Record<string, string[]> };

export const NOT_FOUND = { ok: false, code: "not_found", message: "That task does not exist." } as const;

export async function visibleTask(actor: TaskActor, taskId: string): Promise<HumanTaskDoc | null> {
  if (!isValidObjectId(taskId) || !/^[a-f0-9]{24}$/i.test(taskId)) return null;
  const task = await HumanTask.findById(taskId).lean<HumanTaskDoc>();
  return task && canSeeTask(actor, task) ? task : null;
}

export function audited(task: HumanTaskDoc): AuditedTask {
  return { id: String(task._id), runId: task.executionId, nodeId: task.nodeId, stepId: task.stepId };
}

export function closedMessage(task: Pick<HumanTaskDoc, "status" | "completedAt" | "result">): string {
  if (task.status === "cancelled") return "This task was cancelled. Nothing was changed.";
  const decision = (task.result as { decision?: string } | null)?.decision;
  const when = task.completedAt ? ` at ${new Date(task.completedAt).toISOString()}` : "";
  return `This task is already done (${decision === "reject" ? "rejected" : "approved"}${when}). Nothing was changed.`;
}

export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return errors;
}
