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
  | "settings:view"
  | "users:manage"
  | "credentials:manage";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    "workflows:view",
    "workflows:create",
    "inbox:use",
    "inbox:see-all",
    "dashboard:view",
    "settings:view",
    "users:manage",
    "credentials:manage",
  ],
  designer: ["workflows:view", "workflows:create", "inbox:use", "dashboard:view", "settings:view"],
  approver: ["workflows:view", "inbox:use", "settings:view"],
  manager: ["workflows:view", "inbox:use", "inbox:see-all", "dashboard:view", "settings:view"],
};

export interface Actor {
  id: string;
  roles: readonly Role[];
  active: boolean;
}

/** The one permission check. Every page, server action and route handler goes through it. */
export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor || !actor.active) return false;
  return actor.roles.some((role) => GRANTS[role]?.includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
