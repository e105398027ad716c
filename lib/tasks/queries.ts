// Reads for the inbox pages and route handlers: a page of the list, the badge and bell summary,
// one task with its context, the people one may delegate to. Lists come from memory
// (lib/tasks/open-index.ts); everything else is read by _id or from small collections.
import "server-only";
import { can } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import type { FormField } from "@/lib/nodes/human/form-field";
import { HumanTask, type HumanTaskDoc } from "@/models/HumanTask";
import { Notification } from "@/models/Notification";
import { User } from "@/models/User";
import { readPeople } from "@/lib/users/names";
import { addPeople, FORMER_USER, personName, userIdsIn } from "@/lib/users/people";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { canCompleteTask, canSeeTask } from "./access";
import { inboxPage, waitingCount, type InboxPage, type InboxParams, type InboxViewer } from "./inbox-query";
import { taskRows } from "./open-index";
import { isOpen, type TaskStatus } from "./rows";
import type { TaskPriority } from "./sla";

export const PAGE_SIZE = 100;

export function viewerOf(user: CurrentUser): InboxViewer {
  return { id: user.id, email: user.email, roles: user.roles, seeAll: can(user, "inbox:see-all") };
}

export async function inboxFor(user: CurrentUser, params: InboxParams, offset = 0, limit = PAGE_SIZE): Promise<InboxPage> {
  return inboxPage(await taskRows(), viewerOf(user), params, Date.now(), offset, limit);
}

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  at: string;
}

export interface InboxSummary {
  /** Tasks assigned to me or that I may claim. */
  waiting: number;
  unread: number;
  notifications: NotificationView[];
}

export async function inboxSummary(user: CurrentUser): Promise<InboxSummary> {
  // Notifications are per user and small next to tasks; this reads the user's latest.
  const latest = await Notification.find({ userId: user.id }).sort({ createdAt: -1 }).limit(50).lean();
  return {
    waiting: waitingCount(await taskRows(), viewerOf(user)),
    unread: latest.filter((n) => !n.readAt).length,
    notifications: latest.slice(0, 15).map((n) => ({ id: String(n._id), title: n.title, body: n.body ?? "", link: n.link ?? null, read: !!n.readAt, at: new Date(n.createdAt).toISOString() })),
  };
}

export interface TaskView {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueAt: string | null;
  createdAt: string;
  assignee: { id: string; name: string } | null;
  claimedAt: string | null;
  candidateRoles: string[];
  candidateUsers: string[];
  formFields: FormField[];
  /** The step's input, parsed. */
  context: unknown;
  result: { decision: string; values: Record<string, unknown>; comment: string | null; by: string; byName: string; at: string } | null;
  comments: { by: string; byName: string; text: string; at: string }[];
  history: { type: string; byName: string | null; at: string; detail: string | null }[];
  run: { id: string; status: string; workflowId: string; workflowName: string; startedBy: string | null; startedAt: string | null; input: unknown };
  nodeId: string;
  /** The human node's title; null for tasks made before it was kept. */
  stepTitle: string | null;
  may: { decide: boolean; claim: boolean; release: boolean; delegate: boolean };
  /** Names for the user ids on this page (candidates, the step's data, the run's input): id → name. */
  people: Record<string, string>;
}

function parse(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function taskView(user: CurrentUser, taskId: string): Promise<TaskView | null> {
  if (!/^[a-f0-9]{24}$/i.test(taskId)) return null;
  const task = await HumanTask.findById(taskId).lean<HumanTaskDoc>();
  if (!task || !canSeeTask(user, task)) return null;
  const run = await WorkflowExecution.findById(task.executionId, { workflowName: 1, status: 1, trigger: 1, input: 1, createdAt: 1, workflowId: 1 }).lean();
  const result = task.result as { decision: string; values: Record<string, unknown>; comment: string | null; by: string; at: string } | null;
  const context = parse(task.contextJson);
  const input = parse(run?.input);
  // One read for every person the page names; ids under person keys that match nobody read "a former user".
  const ids = addPeople(userIdsIn([context, input, result?.values]), [task.assignee, result?.by, run?.trigger?.by ? String(run.trigger.by) : null, ...(task.candidateUsers ?? []), ...(task.comments ?? []).map((c) => c.by), ...(task.history ?? []).map((h) => h.by)]);
  const people = await readPeople(ids);
  const open = isOpen(task.status);
  const holder = task.assignee ? (task.assignee === user.id || task.assignee.toLowerCase() === user.email.toLowerCase()) : false;
  const complete = canCompleteTask(user, task);
  return {
    id: String(task._id),
    title: task.title,
    description: task.description ?? "",
    status: task.status as TaskStatus,
    priority: (task.priority ?? "medium") as TaskPriority,
    dueAt: task.dueAt ? new Date(task.dueAt).toISOString() : null,
    createdAt: new Date(task.createdAt).toISOString(),
    assignee: task.assignee ? { id: task.assignee, name: personName(task.assignee, people)! } : null,
    claimedAt: task.claimedAt ? new Date(task.claimedAt).toISOString() : null,
    candidateRoles: [...(task.candidateRoles ?? [])],
    candidateUsers: [...(task.candidateUsers ?? [])],
    formFields: (task.formFields ?? []).map((f) => ({ name: f.name, label: f.label, kind: f.kind, required: !!f.required, ...(f.min != null ? { min: f.min } : {}), ...(f.max != null ? { max: f.max } : {}), ...(f.options?.length ? { options: [...f.options] } : {}) })) as FormField[],
    context,
    result: result ? { ...result, byName: personName(result.by, people) ?? FORMER_USER } : null,
    comments: (task.comments ?? []).map((c) => ({ by: c.by, byName: c.byName ?? personName(c.by, people) ?? FORMER_USER, text: c.text, at: new Date(c.at).toISOString() })),
    history: (task.history ?? []).map((h) => ({ type: h.type, byName: h.byName ?? personName(h.by, people), at: new Date(h.at).toISOString(), detail: h.detail ?? null })),
    run: {
      id: task.executionId,
      status: run?.status ?? "unknown",
      workflowId: task.workflowId,
      workflowName: run?.workflowName || task.workflowName || "Workflow",
      startedBy: run?.trigger?.by ? personName(String(run.trigger.by), people) : null,
      startedAt: run?.createdAt ? new Date(run.createdAt as Date).toISOString() : null,
      input,
    },
    nodeId: task.nodeId,
    stepTitle: task.stepTitle ?? null,
    may: {
      decide: open && complete,
      claim: open && !task.assignee && complete,
      release: open && !!task.assignee && (holder || can(user, "inbox:see-all")) && ((task.candidateRoles ?? []).length > 0 || (task.candidateUsers ?? []).length > 0),
      delegate: open && (complete || can(user, "inbox:see-all")),
    },
    people,
  };
}

/** Active users who can use the inbox: the people a task may be delegated to. */
export async function delegateCandidates(user: CurrentUser): Promise<{ id: string; name: string; email: string }[]> {
  const users = await User.find({ active: true }, { name: 1, email: 1, roles: 1 }).sort({ name: 1 }).lean();
  return users
    .filter((u) => String(u._id) !== user.id && can({ id: String(u._id), roles: (u.roles ?? []) as CurrentUser["roles"], active: true }, "inbox:use"))
    .map((u) => ({ id: String(u._id), name: u.name, email: u.email }));
}

export async function markNotificationsRead(user: CurrentUser, ids: string[] | "all"): Promise<void> {
  const filter = ids === "all" ? { userId: user.id, readAt: null } : { userId: user.id, _id: { $in: ids.filter((id) => /^[a-f0-9]{24}$/i.test(id)) } };
  await Notification.updateMany(filter, { $set: { readAt: new Date() } });
}
