// Claim, release and delegate: each changes who holds a task, once per task version (the
// task_changes insert in lib/tasks/change.ts decides the winner), then writes the task with its
// history entry, an audit entry and, for a delegation, a notification to the new holder.
import "server-only";
import { z } from "zod";
import { can, isRole, type Role } from "@/lib/auth/roles";
import { HumanTask, type HumanTaskDoc } from "@/models/HumanTask";
import { User } from "@/models/User";
import { canCompleteTask, type TaskActor } from "./access";
import { auditTask, type RequestMeta } from "./audit";
import { claimTaskVersion, type ChangeClaim } from "./change";
import { notifyAboutTask } from "./notify";
import { noteTaskChanged } from "./open-index";
import { heldByOther, lostRace } from "./race-words";
import { assigneeName, audited, closedMessage, fieldErrors, nameFor, NOT_FOUND, visibleTask, type TaskActionResult } from "./result";
import { isOpen } from "./rows";

function holds(actor: TaskActor, task: HumanTaskDoc): boolean {
  const who = task.assignee?.trim().toLowerCase();
  return !!who && (who === actor.id || who === actor.email?.toLowerCase());
}

/** The change that beat ours: "Avery Approver claimed this task just now (…), so your claim was not applied." */
async function lostMessage(claim: Extract<ChangeClaim, { won: false }>, attempted: string): Promise<string> {
  const w = claim.winner;
  if (!w) return `Someone else changed this task at the same moment, so your ${attempted} was not applied. Reload to see it.`;
  return lostRace({ did: w.kind, name: (await nameFor(w.by, w.byName)) ?? "Someone", at: w.at }, attempted);
}

/** Our change lost to a closure that came between (the task was approved meanwhile): say whose. */
async function changedMeanwhile(task: HumanTaskDoc, attempted: string): Promise<string> {
  const now = await HumanTask.findById(task._id, { status: 1, completedAt: 1, completedBy: 1, result: 1 }).lean<HumanTaskDoc>();
  if (now && !isOpen(now.status)) return closedMessage(now);
  return `The task changed meanwhile, so your ${attempted} was not applied. Reload to see it.`;
}

/** Writes the change the caller won; false when the task moved on meanwhile (e.g. completed). */
async function apply(task: HumanTaskDoc, set: Record<string, unknown>, history: Record<string, unknown>): Promise<boolean> {
  const res = await HumanTask.updateOne(
    { _id: task._id, version: task.version, status: { $in: ["pending", "in_progress", "overdue"] } },
    { $set: set, $inc: { version: 1 }, $push: { history: { ...history, at: new Date() } } },
  );
  await noteTaskChanged(String(task._id));
  return res.modifiedCount === 1;
}

export async function claimTask(actor: TaskActor, taskId: string, meta: RequestMeta | null): Promise<TaskActionResult> {
  const task = await visibleTask(actor, taskId);
  if (!task) return NOT_FOUND;
  if (!isOpen(task.status)) return { ok: false, code: "closed", message: await closedMessage(task) };
  if (holds(actor, task)) return { ok: true, message: "This task is already yours." };
  if (task.assignee) {
    return { ok: false, code: "conflict", message: heldByOther(await assigneeName(task.assignee), task.claimedAt) };
  }
  if (!canCompleteTask(actor, task)) return { ok: false, code: "forbidden", message: "This task is not offered to you or to one of your roles." };
  const claim = await claimTaskVersion(taskId, task.version, "claimed", actor.id, actor.name ?? null);
  if (!claim.won) return { ok: false, code: "conflict", message: await lostMessage(claim, "claim") };
  const at = new Date();
  const applied = await apply(task, { assignee: actor.id, claimedAt: at, ...(task.status === "pending" ? { status: "in_progress" } : {}) }, { type: "claimed", by: actor.id, byName: actor.name ?? null });
  if (!applied) return { ok: false, code: "conflict", message: await changedMeanwhile(task, "claim") };
  await auditTask(audited(task), "human_task_claimed", actor.id, meta);
  return { ok: true, message: "Claimed: the task is yours." };
}

export async function releaseTask(actor: TaskActor, taskId: string, meta: RequestMeta | null): Promise<TaskActionResult> {
  const task = await visibleTask(actor, taskId);
  if (!task) return NOT_FOUND;
  if (!isOpen(task.status)) return { ok: false, code: "closed", message: await closedMessage(task) };
  if (!holds(actor, task) && !can(actor, "inbox:see-all")) return { ok: false, code: "forbidden", message: "Only the person holding this task can release it." };
  if (!task.assignee) return { ok: true, message: "Nobody holds this task." };
  if ((task.candidateRoles ?? []).length === 0 && (task.candidateUsers ?? []).length === 0) {
    return { ok: false, code: "invalid", message: "This task has no candidates to go back to. Delegate it instead." };
  }
  const claim = await claimTaskVersion(taskId, task.version, "released", actor.id, actor.name ?? null);
  if (!claim.won) return { ok: false, code: "conflict", message: await lostMessage(claim, "release") };
  const applied = await apply(task, { assignee: null, claimedAt: null, ...(task.status === "in_progress" ? { status: "pending" } : {}) }, { type: "released", by: actor.id, byName: actor.name ?? null });
  if (!applied) return { ok: false, code: "conflict", message: await changedMeanwhile(task, "release") };
  await auditTask(audited(task), "human_task_released", actor.id, meta);
  return { ok: true, message: "Released: the task is back in the candidates' inboxes." };
}

export const delegateInputSchema = z.object({
  to: z.string({ error: "Choose a person" }).trim().regex(/^[a-f0-9]{24}$/i, { error: "Choose a person from the list" }),
  reason: z.string({ error: "Give a reason" }).trim().min(3, { error: "Say in a few words why (at least 3 characters)" }).max(1_000, { error: "Keep the reason under 1,000 characters" }),
});

export async function delegateTask(actor: TaskActor, taskId: string, input: unknown, meta: RequestMeta | null): Promise<TaskActionResult> {
  const task = await visibleTask(actor, taskId);
  if (!task) return NOT_FOUND;
  const parsed = delegateInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", message: "Check the highlighted fields.", errors: fieldErrors(parsed.error.issues) };
  if (!isOpen(task.status)) return { ok: false, code: "closed", message: await closedMessage(task) };
  if (!canCompleteTask(actor, task) && !can(actor, "inbox:see-all")) return { ok: false, code: "forbidden", message: "Only someone who can handle this task can delegate it." };
  const { to, reason } = parsed.data;
  if (to === actor.id) return { ok: false, code: "invalid", message: "Check the highlighted fields.", errors: { to: ["Choose someone other than yourself"] } };
  const target = await User.findById(to, { name: 1, email: 1, roles: 1, active: 1 }).lean();
  const targetActor = target ? { id: String(target._id), roles: (target.roles ?? []).filter(isRole) as Role[], active: target.active } : null;
  if (!target || !target.active || !can(targetActor, "inbox:use")) {
    return { ok: false, code: "invalid", message: "Check the highlighted fields.", errors: { to: [!target ? "No such user" : !target.active ? `${target.name} is deactivated` : `${target.name} cannot use the inbox`] } };
  }
  const claim = await claimTaskVersion(taskId, task.version, "delegated", actor.id, actor.name ?? null);
  if (!claim.won) return { ok: false, code: "conflict", message: await lostMessage(claim, "delegation") };
  const applied = await apply(
    task,
    { assignee: String(target._id), claimedAt: null, ...(task.status === "in_progress" ? { status: "pending" } : {}) },
    { type: "delegated", by: actor.id, byName: actor.name ?? null, detail: `to ${target.name}: ${reason}` },
  );
  if (!applied) return { ok: false, code: "conflict", message: await changedMeanwhile(task, "delegation") };
  await auditTask(audited(task), "human_task_delegated", actor.id, meta, { to: String(target._id), reason });
  await notifyAboutTask({ id: taskId, title: task.title, version: task.version + 1 }, "delegated", [String(target._id)], `${actor.name ?? "Someone"} delegated it to you: ${reason}`);
  return { ok: true, message: `Delegated to ${target.name}.` };
}
