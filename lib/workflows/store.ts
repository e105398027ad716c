import "server-only";
// Reading workflows for the service and the queries: always by _id (the one indexed read on the
// embedded FerretDB), then one authorization decision through can().
import { isValidObjectId } from "mongoose";
import { can, type Actor, type WorkflowPermission } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { defaultSettings, workflowSettingsSchema } from "@/lib/workflow/schema";
import type { WorkflowGraph, WorkflowSettings } from "@/lib/workflow/types";
import { WITHOUT_GRAPH, decodeGraph } from "@/models/graph-codec";
import { User } from "@/models/User";
import { Workflow, type WorkflowDoc } from "@/models/Workflow";
import { aclOf } from "./access";
import { rememberAccess } from "./known-access";

export const NOT_VISIBLE = "This workflow does not exist, or it is not shared with you.";

const REFUSALS: Record<WorkflowPermission, string> = {
  "workflow:view": NOT_VISIBLE,
  "workflow:edit": "You can view this workflow but not change it. Ask one of its owners to make you an editor.",
  "workflow:run": "You can view this workflow but not run it. Ask one of its owners to make you an editor.",
  "workflow:publish": "Only the owners and editors of this workflow can publish it.",
  "workflow:share": "Only the owners of this workflow can change who has access to it.",
  "workflow:delete": "Only the owners of this workflow can archive or delete it.",
};

export const ARCHIVED = "This workflow is archived. Restore it from the archive to change it.";

export function assertCanCreate(actor: Actor) {
  if (!can(actor, "workflows:create")) throw new PermissionError("Only designers and admins can create workflows.");
}

/** Everything but the graph and the version list: what lists and permission checks need. */
export const META_PROJECTION = { ...WITHOUT_GRAPH, versions: 0 } as const;

export type StoredWorkflow = WorkflowDoc;

/**
 * The workflow if the actor may do `permission` with it. Throws PermissionError otherwise,
 * with the same message for "missing" and "not shared with you" so ids reveal nothing.
 */
export async function authorizedWorkflow(
  actor: Actor,
  id: string,
  permission: WorkflowPermission,
  options: { graph?: boolean; versions?: boolean } = {},
): Promise<StoredWorkflow> {
  if (!isValidObjectId(id)) throw new PermissionError(NOT_VISIBLE);
  const projection: Record<string, 0> = options.graph ? {} : { ...WITHOUT_GRAPH };
  if (!options.versions) projection.versions = 0;
  const doc = await Workflow.findById(id, projection).lean<StoredWorkflow>();
  if (!doc) throw new PermissionError(NOT_VISIBLE);
  rememberAccess(id, doc);
  const acl = aclOf(doc.permissions);
  if (!can(actor, "workflow:view", acl)) throw new PermissionError(NOT_VISIBLE);
  if (!can(actor, permission, acl)) throw new PermissionError(REFUSALS[permission]);
  return doc;
}

/** Names by user id. The users collection is small, so one read with $in is fine. */
export async function userNames(ids: Iterable<{ toString(): string } | null | undefined>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id) => id != null).map(String))].filter((id) => isValidObjectId(id));
  if (unique.length === 0) return new Map();
  const users = await User.find({ _id: { $in: unique } }, { name: 1, email: 1 }).lean();
  return new Map(users.map((u) => [String(u._id), u.name || u.email]));
}

/** The graph of a workflow or a version document read with its `nodes` and `edges`. */
export function graphOf(doc: { nodes?: unknown; edges?: unknown }): WorkflowGraph {
  return decodeGraph(doc);
}

/** Stored settings over the defaults, so documents from before a new setting still load. */
export function settingsOf(stored: unknown): WorkflowSettings {
  const merged = { ...defaultSettings, ...(stored && typeof stored === "object" ? stored : {}) };
  const parsed = workflowSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultSettings;
}

export const iso = (date: Date | string | null | undefined) => (date ? new Date(date).toISOString() : "");
