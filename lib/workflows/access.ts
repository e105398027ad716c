// Turns a stored workflow's permissions into the access list can() reads, and names what the
// user may do with it for the UI. Every decision itself stays in can() (lib/auth/roles.ts).
import { can, type Actor, type WorkflowAcl } from "@/lib/auth/roles";
import type { WorkflowAccess } from "./contract";

export interface StoredPermissions {
  owners?: readonly { toString(): string }[] | null;
  editors?: readonly { toString(): string }[] | null;
  viewers?: readonly { toString(): string }[] | null;
  isPublic?: boolean | null;
}

const ids = (list: readonly { toString(): string }[] | null | undefined) => (list ?? []).map(String);

export function aclOf(permissions: StoredPermissions | null | undefined): WorkflowAcl {
  return {
    owners: ids(permissions?.owners),
    editors: ids(permissions?.editors),
    viewers: ids(permissions?.viewers),
    isPublic: Boolean(permissions?.isPublic),
  };
}

/** The most the actor may do with the workflow, or null when they may not even see it. */
export function accessFor(actor: Actor, acl: WorkflowAcl): WorkflowAccess | null {
  if (can(actor, "workflow:share", acl)) return "owner";
  if (can(actor, "workflow:edit", acl)) return "editor";
  if (can(actor, "workflow:view", acl)) return "viewer";
  return null;
}
