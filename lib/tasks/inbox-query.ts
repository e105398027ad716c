// The inbox's tabs, filters, sort and search over task rows. Pure: the server runs it over the
// in-memory index of open tasks (lib/tasks/open-index.ts); the URL carries the same parameters.
import { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import { isOpen, type TaskRow } from "./rows";
import { dueWindow, priorityRank, TASK_PRIORITIES } from "./sla";

export const INBOX_TABS = ["mine", "available", "done", "all"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

export const TAB_LABELS: Record<InboxTab, string> = {
  mine: "Assigned to me",
  available: "Available to claim",
  done: "Completed by me",
  all: "All open",
};

export const INBOX_SORTS = ["due", "priority", "age"] as const;
export const DUE_FILTERS = ["overdue", "today", "week", "later", "none"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" || v === "any" ? undefined : v), z.enum(values).optional()).catch(undefined);

/** The inbox's URL search params; anything unknown falls back to the default instead of failing. */
export const inboxParamsSchema = z.object({
  tab: z.enum(INBOX_TABS).catch("mine").default("mine"),
  priority: optionalEnum(TASK_PRIORITIES),
  workflow: z.string().trim().max(64).regex(/^[a-f0-9]*$/i).optional().catch(undefined),
  due: optionalEnum(DUE_FILTERS),
  sort: z.enum(INBOX_SORTS).catch("due").default("due"),
  q: z.string().trim().max(200).optional().catch(undefined),
});

export type InboxParams = z.infer<typeof inboxParamsSchema>;

export interface InboxViewer {
  id: string;
  email: string;
  roles: readonly Role[];
  /** May see every open task (managers and admins). */
  seeAll: boolean;
}

function isMe(viewer: InboxViewer, who: string | null): boolean {
  if (!who) return false;
  const w = who.trim().toLowerCase();
  return w === viewer.id || w === viewer.email.toLowerCase();
}

export function assignedTo(viewer: InboxViewer, row: TaskRow): boolean {
  return isOpen(row.status) && isMe(viewer, row.assignee);
}

/** Unassigned and offered to me or to one of my roles. */
export function claimableBy(viewer: InboxViewer, row: TaskRow): boolean {
  if (!isOpen(row.status) || row.assignee) return false;
  return row.candidateUsers.some((u) => isMe(viewer, u)) || row.candidateRoles.some((r) => (viewer.roles as readonly string[]).includes(r));
}

export function inTab(viewer: InboxViewer, tab: InboxTab, row: TaskRow): boolean {
  switch (tab) {
    case "mine":
      return assignedTo(viewer, row);
    case "available":
      return claimableBy(viewer, row);
    case "done":
      return row.status === "completed" && row.completedBy === viewer.id;
    case "all":
      return viewer.seeAll && isOpen(row.status);
  }
}

export function tabsFor(viewer: InboxViewer): InboxTab[] {
  return viewer.seeAll ? [...INBOX_TABS] : INBOX_TABS.filter((t) => t !== "all");
}

function matches(params: InboxParams, row: TaskRow, now: number): boolean {
  if (params.priority && row.priority !== params.priority) return false;
  if (params.workflow && row.workflowId !== params.workflow) return false;
  if (params.due && dueWindow(row.dueAt, now) !== params.due) return false;
  if (params.q && !row.title.toLowerCase().includes(params.q.toLowerCase())) return false;
  return true;
}

const NO_DUE = Number.MAX_SAFE_INTEGER;

function comparator(sort: InboxParams["sort"], tab: InboxTab): (a: TaskRow, b: TaskRow) => number {
  if (tab === "done") return (a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0);
  if (sort === "priority") return (a, b) => priorityRank(b.priority) - priorityRank(a.priority) || (a.dueAt ?? NO_DUE) - (b.dueAt ?? NO_DUE) || a.createdAt - b.createdAt;
  if (sort === "age") return (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
  return (a, b) => (a.dueAt ?? NO_DUE) - (b.dueAt ?? NO_DUE) || priorityRank(b.priority) - priorityRank(a.priority) || a.createdAt - b.createdAt;
}

export interface InboxPage {
  rows: TaskRow[];
  /** Rows matching the tab and filters (all pages). */
  total: number;
  offset: number;
  counts: Record<InboxTab, number>;
  /** Workflows that have tasks in the tab, for the filter. */
  workflows: { id: string; name: string }[];
}

/** One page of the inbox for `viewer`, from all rows the server holds. */
export function inboxPage(rows: Iterable<TaskRow>, viewer: InboxViewer, params: InboxParams, now: number, offset = 0, limit = 100): InboxPage {
  const counts: Record<InboxTab, number> = { mine: 0, available: 0, done: 0, all: 0 };
  const tabs = tabsFor(viewer);
  const hits: TaskRow[] = [];
  const workflows = new Map<string, string>();
  for (const row of rows) {
    for (const tab of tabs) if (inTab(viewer, tab, row)) counts[tab] += 1;
    if (!inTab(viewer, params.tab, row)) continue;
    workflows.set(row.workflowId, row.workflowName || row.workflowId);
    if (matches(params, row, now)) hits.push(row);
  }
  hits.sort(comparator(params.sort, params.tab));
  return {
    rows: hits.slice(offset, offset + limit),
    total: hits.length,
    offset,
    counts,
    workflows: [...workflows].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Counts for the navigation badge: what waits for me (assigned or claimable). */
export function waitingCount(rows: Iterable<TaskRow>, viewer: InboxViewer): number {
  let n = 0;
  for (const row of rows) if (assignedTo(viewer, row) || claimableBy(viewer, row)) n += 1;
  return n;
}
