// Who may complete a task: admins; the assignee; else, while nobody is assigned, a candidate
// user or a holder of a candidate role. Users are named by id or email in the node's config.
import { can, type Actor } from "@/lib/auth/roles";

export interface TaskActor extends Actor {
  email?: string;
  name?: string;
}

export interface TaskAudience {
  assignee?: string | null;
  candidateRoles?: readonly string[] | null;
  candidateUsers?: readonly string[] | null;
}

function names(actor: TaskActor): string[] {
  return [actor.id, ...(actor.email ? [actor.email.toLowerCase()] : [])];
}

export function canCompleteTask(actor: TaskActor | null | undefined, task: TaskAudience): boolean {
  if (!actor || !can(actor, "inbox:use")) return false;
  if (actor.roles.includes("admin")) return true;
  const me = names(actor);
  const matches = (who: string) => me.includes(who.trim().toLowerCase()) || me.includes(who.trim());
  if (task.assignee) return matches(task.assignee);
  if ((task.candidateUsers ?? []).some(matches)) return true;
  return (task.candidateRoles ?? []).some((role) => (actor.roles as readonly string[]).includes(role));
}

export interface TaskVisibility extends TaskAudience {
  completedBy?: string | null;
  history?: readonly { by?: string | null }[] | null;
}

/**
 * Who may see a task: whoever may complete it, managers and admins (inbox:see-all), whoever
 * completed it, and anyone who acted on it (e.g. delegated it away). Everyone else gets the same
 * "not found" as for a task that does not exist.
 */
export function canSeeTask(actor: TaskActor | null | undefined, task: TaskVisibility): boolean {
  if (!actor || !can(actor, "inbox:use")) return false;
  if (canCompleteTask(actor, task) || can(actor, "inbox:see-all")) return true;
  // A candidate still sees a task someone claimed, to learn who holds it.
  if (task.assignee && canCompleteTask(actor, { ...task, assignee: null })) return true;
  if (task.completedBy === actor.id) return true;
  return (task.history ?? []).some((h) => h.by === actor.id);
}
