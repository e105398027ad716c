// The SLA job: every few seconds it looks at the open tasks (from memory: lib/tasks/open-index.ts,
// so no collection scan) and, for those whose time came, reads the task by _id and marks it
// overdue, applies the node's escalation (reassign to a user or role, raise priority, notify) or
// sends the reminder. Each step happens once per task even with several server processes: its
// task_changes key is claimed by insert first (lib/tasks/change.ts).
import "server-only";
import { isValidObjectId } from "mongoose";
import { HumanTask, type HumanTaskDoc } from "@/models/HumanTask";
import { User } from "@/models/User";
import { auditTask } from "./audit";
import { claimTaskStep } from "./change";
import { notifyAboutTask, roleRecipients } from "./notify";
import { noteTaskChanged, taskRows } from "./open-index";
import { audited } from "./result";
import type { TaskRow } from "./rows";
import { raisedPriority, reminderAt, slaDue, type SlaTask, type TaskPriority } from "./sla";

const INTERVAL_MS = Number(process.env.SWITCHYARD_SLA_INTERVAL_MS ?? 15_000);

/** Who hears about a task: its holder, else its candidate users and roles. */
function audience(task: HumanTaskDoc): string[] {
  if (task.assignee) return [task.assignee];
  return [...(task.candidateUsers ?? []), ...roleRecipients(task.candidateRoles ?? [])];
}

function slaOf(task: HumanTaskDoc): SlaTask {
  const reminded = (task.reminders ?? []).find((r) => r.sentAt);
  return {
    status: task.status,
    createdAt: new Date(task.createdAt).getTime(),
    dueAt: task.dueAt ? new Date(task.dueAt).getTime() : null,
    escalation: task.escalation ?? null,
    escalatedAt: task.escalatedAt ? new Date(task.escalatedAt).getTime() : null,
    remindedAt: reminded?.sentAt ? new Date(reminded.sentAt).getTime() : null,
  };
}

/** The row's view of the SLA, so only tasks whose time came are read from the database. */
function rowSla(row: TaskRow): SlaTask {
  return {
    status: row.status,
    createdAt: row.createdAt,
    dueAt: row.dueAt,
    // The row keeps only when the escalation is due (createdAt + afterMinutes); give it back in that form.
    escalation: row.escalateAt === null ? null : { afterMinutes: (row.escalateAt - row.createdAt) / 60_000, action: "due" },
    escalatedAt: null,
    remindedAt: row.reminded ? row.createdAt : null,
  };
}

async function resolveUser(to: string): Promise<{ id: string; name: string } | null> {
  const user = isValidObjectId(to) && /^[a-f0-9]{24}$/i.test(to)
    ? await User.findById(to, { name: 1, active: 1 }).lean()
    : await User.findOne({ email: to.trim().toLowerCase() }, { name: 1, active: 1 }).lean();
  return user && user.active ? { id: String(user._id), name: user.name } : null;
}

async function escalate(task: HumanTaskDoc, now: Date): Promise<void> {
  const esc = task.escalation!;
  const set: Record<string, unknown> = { escalatedAt: now };
  let detail = "";
  let notify = audience(task);
  if (esc.action === "raisePriority") {
    set.priority = raisedPriority((task.priority ?? "medium") as TaskPriority);
    detail = `priority raised to ${set.priority}`;
  } else if (esc.action === "reassign" && esc.to) {
    const to = esc.to.trim();
    if (to.toLowerCase().startsWith("role:")) {
      Object.assign(set, { assignee: null, claimedAt: null, candidateRoles: [to.slice(5).trim().toLowerCase()], candidateUsers: [] });
      if (task.status === "in_progress") set.status = "pending";
      detail = `reassigned to the ${to.slice(5).trim()} role`;
      notify = [to];
    } else {
      const user = await resolveUser(to);
      if (user) {
        Object.assign(set, { assignee: user.id, claimedAt: null });
        if (task.status === "in_progress") set.status = "pending";
        detail = `reassigned to ${user.name}`;
        notify = [user.id];
      } else {
        detail = `could not reassign to ${to}: no active user`;
      }
    }
  } else {
    detail = "escalation notice sent";
    if (esc.to) notify = [esc.to];
  }
  await HumanTask.updateOne({ _id: task._id }, { $set: set, $inc: { version: 1 }, $push: { history: { type: "escalated", by: null, byName: null, at: now, detail } } });
  await auditTask(audited(task), "human_task_escalated", null, null, { action: esc.action, to: esc.to ?? null, detail });
  await notifyAboutTask({ id: String(task._id), title: task.title, version: task.version + 1 }, "escalated", notify, `Escalated: ${detail}.`);
}

/** One pass over the open tasks; returns how many steps it took (for tests). */
export async function runSlaPass(now = Date.now()): Promise<number> {
  let steps = 0;
  for (const row of [...(await taskRows())]) {
    const hint = slaDue(rowSla(row), now);
    if (!hint.markOverdue && !hint.escalate && !hint.remind) continue;
    const task = await HumanTask.findById(row.id).lean<HumanTaskDoc>();
    if (!task) continue;
    const sla = slaOf(task);
    const due = slaDue(sla, now);
    const at = new Date(now);
    if (due.markOverdue && (await claimTaskStep(row.id, "overdue"))) {
      await HumanTask.updateOne({ _id: task._id, status: { $in: ["pending", "in_progress"] } }, { $set: { status: "overdue" }, $inc: { version: 1 }, $push: { history: { type: "overdue", by: null, byName: null, at, detail: null } } });
      await auditTask(audited(task), "human_task_overdue", null, null);
      await notifyAboutTask({ id: row.id, title: task.title, version: task.version }, "overdue", audience(task), "This task is past its due date.");
      steps += 1;
    }
    if (due.escalate && (await claimTaskStep(row.id, "escalated"))) {
      await escalate(await HumanTask.findById(row.id).lean<HumanTaskDoc>() ?? task, at);
      steps += 1;
    }
    if (due.remind && (await claimTaskStep(row.id, "reminded"))) {
      await HumanTask.updateOne({ _id: task._id }, { $push: { reminders: { at: new Date(reminderAt(sla.createdAt, sla.dueAt)!), sentAt: at }, history: { type: "reminded", by: null, byName: null, at, detail: null } } });
      await notifyAboutTask({ id: row.id, title: task.title, version: task.version }, "reminder", audience(task), `Due ${task.dueAt ? new Date(task.dueAt).toISOString() : "soon"}.`);
      steps += 1;
    }
    // Whatever happened (also a step another process took), the row catches up.
    await noteTaskChanged(row.id);
  }
  return steps;
}

const holder = globalThis as unknown as { __switchyardSla?: ReturnType<typeof setInterval> };

/** Starts the job in this process (once); the server starts it beside its in-process worker. */
export function startSlaJob(): void {
  if (holder.__switchyardSla || INTERVAL_MS <= 0) return;
  let busy = false;
  holder.__switchyardSla = setInterval(() => {
    if (busy) return;
    busy = true;
    runSlaPass()
      .catch((error) => console.error("[inbox] the SLA pass failed:", error))
      .finally(() => (busy = false));
  }, INTERVAL_MS);
  holder.__switchyardSla.unref?.();
}
