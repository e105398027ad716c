// What every task action answers: ok with a message, or a refusal that says why (and, for
// forms, which field). "not_found" covers tasks that do not exist and tasks one may not see.
import "server-only";
import { isValidObjectId, type Types } from "mongoose";
import { namesOf } from "@/lib/users/names";
import { FORMER_USER, personName } from "@/lib/users/people";
import { User } from "@/models/User";
import { HumanTask, type HumanTaskDoc } from "@/models/HumanTask";
import { canSeeTask, type TaskActor } from "./access";
import type { AuditedTask } from "./audit";
import { closureOf } from "./closure";
import { alreadyClosed, closureVerb, type Winner } from "./race-words";

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

/** The name to show for who did something: the name stored with it, else looked up by id. */
export async function nameFor(by: string | null | undefined, storedName: string | null | undefined): Promise<string | null> {
  if (storedName) return storedName;
  if (!by) return null;
  return personName(by, await namesOf([by]));
}

/** An assignee is a user id or, as a node was configured, an email. */
export async function assigneeName(who: string): Promise<string> {
  if (/^[a-f0-9]{24}$/i.test(who)) return (await nameFor(who, null)) ?? who;
  const user = await User.findOne({ email: who.trim().toLowerCase() }, { name: 1, active: 1 }).lean();
  return user ? (user.active === false ? FORMER_USER : user.name) : who;
}

/** Who closed a task and when, from its closure (the truth), else from the task document. */
export async function closureWinner(task: Pick<HumanTaskDoc, "_id" | "status" | "completedAt" | "completedBy" | "result">): Promise<Winner> {
  const closure = await closureOf(task._id as Types.ObjectId);
  if (closure) return { did: closureVerb(closure.kind, closure.output), name: await nameFor(closure.by, closure.byName), at: closure.at };
  return { did: closureVerb(task.status, task.result), name: await nameFor(task.completedBy, null), at: task.completedAt };
}

/** "Avery Approver approved this task 2 minutes ago (…). Nothing was changed." */
export async function closedMessage(task: Pick<HumanTaskDoc, "_id" | "status" | "completedAt" | "completedBy" | "result">): Promise<string> {
  return alreadyClosed(await closureWinner(task));
}

export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return errors;
}
