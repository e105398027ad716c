// Roles and what each may do. Pure, so the client (navigation) and the server share it.

export const ROLES = ["admin", "designer", "approver", "manager"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  designer: "Designer",
  approver: "Approver",
  manager: "Manager",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Manages users, credentials and settings",
  designer: "Builds, tests and publishes workflows",
  approver: "Handles human tasks in the inbox",
  manager: "Watches runs, cost and SLAs on dashboards",
};

export type Permission =
  | "workflows:view"
  | "workflows:create"
  | "inbox:use"
  | "inbox:see-all"
  | "dashboard:view"
  /** Every workflow's figures on the dashboard; without it, a designer sees the workflows they own. */
  | "dashboard:see-all"
  | "settings:view"
  | "users:manage"
  | "credentials:manage"
  /** The operations page: stuck and poisoned runs of every workflow. */
  | "operations:view"
  | WorkflowPermission;

/** What one may do with one workflow; decided with the workflow's access list (WorkflowAcl). */
export type WorkflowPermission =
  | "workflow:view"
  | "workflow:edit"
  /** Start runs of it (test or published), cancel, re-run and retry them; also what a trigger, a key or a parent run needs. */
  | "workflow:run"
  | "workflow:publish"
  | "workflow:share"
  | "workflow:delete";

/** A workflow's access list, with user ids as strings. */
export interface WorkflowAcl {
  owners: readonly string[];
  editors: readonly string[];
  viewers: readonly string[];
  /** Everyone in the workspace may view it. */
  isPublic?: boolean;
}

const GRANTS: Record<Role, readonly Exclude<Permission, WorkflowPermission>[]> = {
  admin: [
    "workflows:view",
    "workflows:create",
    "inbox:use",
    "inbox:see-all",
    "dashboard:view",
    "dashboard:see-all",
    "settings:view",
    "users:manage",
    "credentials:manage",
    "operations:view",
  ],
  designer: ["workflows:view", "workflows:create", "inbox:use", "dashboard:view", "settings:view"],
  approver: ["workflows:view", "inbox:use", "settings:view"],
  manager: ["workflows:view", "inbox:use", "inbox:see-all", "dashboard:view", "dashboard:see-all", "settings:view"],
};

export interface Actor {
  id: string;
  roles: readonly Role[];
  active: boolean;
}

const RELATION_GRANTS: Record<"owner" | "editor" | "viewer", readonly WorkflowPermission[]> = {
  owner: ["workflow:view", "workflow:edit", "workflow:run", "workflow:publish", "workflow:share", "workflow:delete"],
  editor: ["workflow:view", "workflow:edit", "workflow:run", "workflow:publish"],
  viewer: ["workflow:view"],
};

/**
 * The one permission check. Every page, server action and route handler goes through it.
 * Workflow permissions need the workflow's access list as `resource`; without it they are refused.
 */
export function can(actor: Actor | null | undefined, permission: Permission, resource?: WorkflowAcl): boolean {
  if (!actor || !actor.active) return false;
  if (isWorkflowPermission(permission)) return resource ? canOnWorkflow(actor, permission, resource) : false;
  return hasGrant(actor, permission);
}

function hasGrant(actor: Actor, permission: Exclude<Permission, WorkflowPermission>): boolean {
  return actor.roles.some((role) => GRANTS[role]?.includes(permission));
}

function isWorkflowPermission(permission: Permission): permission is WorkflowPermission {
  return permission.startsWith("workflow:");
}

function canOnWorkflow(actor: Actor, permission: WorkflowPermission, acl: WorkflowAcl): boolean {
  if (actor.roles.includes("admin")) return true;
  if (!hasGrant(actor, "workflows:view")) return false;
  if (permission === "workflow:view" && (acl.isPublic || actor.roles.includes("manager"))) return true;
  const relation = acl.owners.includes(actor.id)
    ? "owner"
    : acl.editors.includes(actor.id)
      ? "editor"
      : acl.viewers.includes(actor.id)
        ? "viewer"
        : null;
  if (!relation || !RELATION_GRANTS[relation].includes(permission)) return false;
  // Roles cap what a place on the list grants: approvers and managers see workflows read-only
  // (README "Roles"), so a list entry alone never lets them change one.
  return permission === "workflow:view" || hasGrant(actor, "workflows:create");
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
