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
  /** One's own name and password: every active user, whatever their roles. */
  | "account:edit"
  | "users:manage"
  /** Every credential: see, edit, share, delete and use them all (admins). */
  | "credentials:manage"
  /** The operations page: stuck and poisoned runs of every workflow. */
  | "operations:view"
  /** Create credentials of one's own, and edit, share and delete those (designers). */
  | "credentials:create"
  /** Global variables (admins); a workflow's own variables need "workflow:edit" on it. */
  | "variables:manage"
  /** Workspace settings such as how long finished runs keep their details (admins). */
  | "settings:manage"
  | WorkflowPermission
  | CredentialPermission;

/** What one may do with one credential; decided with its access list (CredentialAcl). */
export type CredentialPermission =
  /** Pick it in a step and have a run use it. */
  | "credential:use"
  /** Rename it, replace its secret, share it, delete it. */
  | "credential:manage";

/** A credential's access list, with user ids as strings. */
export interface CredentialAcl {
  owner: string | null;
  users: readonly string[];
  roles: readonly string[];
}

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

type RolePermission = Exclude<Permission, WorkflowPermission | CredentialPermission>;

const GRANTS: Record<Role, readonly RolePermission[]> = {
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
    "credentials:create",
    "variables:manage",
    "settings:manage",
  ],
  designer: ["workflows:view", "workflows:create", "inbox:use", "dashboard:view", "settings:view", "credentials:create"],
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
export function can(actor: Actor | null | undefined, permission: RolePermission): boolean;
export function can(actor: Actor | null | undefined, permission: WorkflowPermission, resource: WorkflowAcl | undefined): boolean;
export function can(actor: Actor | null | undefined, permission: CredentialPermission, resource: CredentialAcl | undefined): boolean;
export function can(actor: Actor | null | undefined, permission: Permission, resource?: WorkflowAcl | CredentialAcl): boolean;
export function can(actor: Actor | null | undefined, permission: Permission, resource?: WorkflowAcl | CredentialAcl): boolean {
  if (!actor || !actor.active) return false;
  if (isWorkflowPermission(permission)) return resource && "owners" in resource ? canOnWorkflow(actor, permission, resource) : false;
  if (isCredentialPermission(permission)) return resource && "owner" in resource ? canOnCredential(actor, permission, resource) : false;
  // Everyone owns their account, a person with no role left included.
  if (permission === "account:edit") return true;
  return hasGrant(actor, permission);
}

function isCredentialPermission(permission: Permission): permission is CredentialPermission {
  return permission.startsWith("credential:");
}

/**
 * Admins ("credentials:manage") do everything with every credential. Its owner manages and uses
 * it while they may still create credentials; a user it is shared with, by id or by one of
 * their roles, may use it. Sharing never passes on the right to manage.
 */
function canOnCredential(actor: Actor, permission: CredentialPermission, acl: CredentialAcl): boolean {
  if (hasGrant(actor, "credentials:manage")) return true;
  const owns = acl.owner === actor.id && hasGrant(actor, "credentials:create");
  if (permission === "credential:manage") return owns;
  return owns || acl.users.includes(actor.id) || actor.roles.some((role) => acl.roles.includes(role));
}

function hasGrant(actor: Actor, permission: RolePermission): boolean {
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
