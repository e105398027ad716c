import "server-only";
// Reads for the workflow pages and actions. Each takes the Actor and lets only what can()
// allows through.
import { isValidObjectId } from "mongoose";
import { withoutPins } from "@/lib/engine/pins";
import type { Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { Workflow } from "@/models/Workflow";
import { WorkflowVersion, versionId } from "@/models/WorkflowVersion";
import { User } from "@/models/User";
import { accessFor, aclOf } from "./access";
import type {
  DiffSide,
  GraphDiff,
  SharingView,
  VersionSnapshot,
  VersionSummary,
  WorkflowEditorData,
  WorkflowExport,
  WorkflowStatus,
  WorkflowSummary,
} from "./contract";
import { diffGraphs } from "./diff";
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from "./export-format";
import type { ListParams } from "./schema";
import { rememberAccess } from "./known-access";
import { META_PROJECTION, authorizedWorkflow, graphOf, iso, settingsOf, userNames, type StoredWorkflow } from "./store";

/** Whether the actor may see the workflow: the pages under /workflows/[id] answer 404 when not. */
export async function canSeeWorkflow(actor: Actor, id: string): Promise<boolean> {
  return authorizedWorkflow(actor, id, "workflow:view").then(
    () => true,
    (err: unknown) => {
      if (err instanceof PermissionError) return false;
      throw err;
    },
  );
}

/** The version published now (null when none), for the run page's "re-run" label; null when the workflow is not visible. */
export async function publishedVersionOf(actor: Actor, id: string): Promise<number | null> {
  try {
    return (await authorizedWorkflow(actor, id, "workflow:view")).publishedVersion ?? null;
  } catch (err) {
    if (err instanceof PermissionError) return null;
    throw err;
  }
}

/**
 * The canvas page's loader: null when the workflow is missing or not shared with the actor.
 * An archived workflow loads read-only (access "viewer") for everyone: the server refuses
 * every change to it until it is unarchived from the list, so the canvas should not offer any.
 */
export async function loadWorkflowForEditor(actor: Actor, id: string): Promise<WorkflowEditorData | null> {
  if (!isValidObjectId(id)) return null;
  const doc = await Workflow.findById(id, { versions: 0 }).lean<StoredWorkflow>();
  if (!doc) return null;
  rememberAccess(id, doc); // the canvas's autosaves then skip a read (known-access.ts)
  const granted = accessFor(actor, aclOf(doc.permissions));
  if (!granted) return null;
  const access = doc.status === "archived" ? "viewer" : granted;
  return {
    id: String(doc._id),
    name: doc.name,
    description: doc.description ?? "",
    status: doc.status as WorkflowStatus,
    tags: doc.metadata?.tags ?? [],
    revision: doc.revision,
    publishedVersion: doc.publishedVersion ?? null,
    ...graphOf(doc),
    settings: settingsOf(doc.settings),
    availableToAi: doc.availableToAi === true,
    access,
    updatedAt: iso(doc.updatedAt),
  };
}

export interface WorkflowList {
  workflows: WorkflowSummary[];
  /** Tags of every workflow the actor can see, for the tag filter. */
  tags: string[];
  /** How many workflows the actor can see before search and filters. */
  visibleCount: number;
}

const STATUS_FILTERS: Record<ListParams["status"], (s: WorkflowStatus) => boolean> = {
  current: (s) => s !== "archived",
  draft: (s) => s === "draft",
  active: (s) => s === "active",
  archived: (s) => s === "archived",
  all: () => true,
};

export async function listWorkflows(actor: Actor, params: ListParams): Promise<WorkflowList> {
  // The workflows collection stays small (one document per designed process), and FerretDB
  // scans for any filter but _id anyway: read it whole, without the graphs and version lists,
  // and decide visibility, search, filters and sort in memory through can().
  const docs = await Workflow.find({}, META_PROJECTION).lean<StoredWorkflow[]>();
  const visible = docs
    .map((doc) => ({ doc, access: accessFor(actor, aclOf(doc.permissions)) }))
    .filter((row): row is { doc: StoredWorkflow; access: NonNullable<typeof row.access> } => row.access !== null);

  // One entry per tag whatever its case, since the tag filter ignores case.
  const allTags = visible.flatMap(({ doc }) => doc.metadata?.tags ?? []);
  const byKey = new Map<string, string>();
  for (const t of allTags) if (!byKey.has(t.toLowerCase())) byKey.set(t.toLowerCase(), t);
  const tags = [...byKey.values()].sort((a, b) => a.localeCompare(b));
  const q = params.q.toLowerCase();
  const tag = params.tag.toLowerCase();
  const matching = visible.filter(
    ({ doc }) =>
      STATUS_FILTERS[params.status](doc.status as WorkflowStatus) &&
      (!q || doc.name.toLowerCase().includes(q)) &&
      (!tag || (doc.metadata?.tags ?? []).some((t) => t.toLowerCase() === tag)),
  );

  const names = await userNames(matching.flatMap(({ doc }) => [doc.permissions?.owners?.[0], doc.metadata?.lastEditor]));
  const workflows = matching.map(({ doc, access }): WorkflowSummary => ({
    id: String(doc._id),
    name: doc.name,
    description: doc.description ?? "",
    status: doc.status as WorkflowStatus,
    tags: doc.metadata?.tags ?? [],
    ownerName: names.get(String(doc.permissions?.owners?.[0])) ?? "",
    updatedAt: iso(doc.updatedAt),
    lastEditorName: names.get(String(doc.metadata?.lastEditor)) ?? "",
    publishedVersion: doc.publishedVersion ?? null,
    nodeCount: doc.nodeCount ?? 0,
    access,
  }));
  const created = new Map(matching.map(({ doc }) => [String(doc._id), iso(doc.createdAt)]));
  const byName = (a: WorkflowSummary, b: WorkflowSummary) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" });
  const sorters: Record<ListParams["sort"], (a: WorkflowSummary, b: WorkflowSummary) => number> = {
    updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt) || byName(a, b),
    created: (a, b) => created.get(b.id)!.localeCompare(created.get(a.id)!) || byName(a, b),
    name: byName,
  };
  workflows.sort(sorters[params.sort]);
  return { workflows, tags, visibleCount: visible.length };
}

export async function listVersions(actor: Actor, id: string): Promise<VersionSummary[]> {
  // The summaries live in the workflow itself: one read by _id, no scan of the snapshots.
  const doc = await authorizedWorkflow(actor, id, "workflow:view", { versions: true });
  const versions = doc.versions ?? [];
  const names = await userNames(versions.map((v) => v.publishedBy));
  return versions
    .map((v) => ({
      version: v.version,
      notes: v.notes ?? "",
      publishedAt: iso(v.publishedAt),
      publishedByName: names.get(String(v.publishedBy)) ?? "",
      nodeCount: v.nodeCount ?? 0,
      edgeCount: v.edgeCount ?? 0,
    }))
    .sort((a, b) => b.version - a.version);
}

export async function getVersion(actor: Actor, id: string, version: number): Promise<VersionSnapshot> {
  await authorizedWorkflow(actor, id, "workflow:view");
  const snapshot = await WorkflowVersion.findById(versionId(id, version)).lean();
  if (!snapshot) throw new PermissionError(`Version ${version} of this workflow does not exist.`);
  const names = await userNames([snapshot.publishedBy]);
  return {
    version: snapshot.version,
    notes: snapshot.notes ?? "",
    publishedAt: iso(snapshot.publishedAt),
    publishedByName: names.get(String(snapshot.publishedBy)) ?? "",
    ...graphOf(snapshot),
    settings: settingsOf(snapshot.settings),
  };
}

async function graphAt(actor: Actor, id: string, side: DiffSide) {
  if (side === "draft") return graphOf(await authorizedWorkflow(actor, id, "workflow:view", { graph: true }));
  return getVersion(actor, id, side);
}

/** What changed from `from` to `to`, by node and edge id. */
export async function diffVersions(actor: Actor, id: string, from: DiffSide, to: DiffSide): Promise<GraphDiff> {
  const [a, b] = await Promise.all([graphAt(actor, id, from), graphAt(actor, id, to)]);
  return diffGraphs(a, b);
}

export async function exportWorkflow(actor: Actor, id: string): Promise<WorkflowExport> {
  const doc = await authorizedWorkflow(actor, id, "workflow:view", { graph: true });
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    name: doc.name,
    description: doc.description ?? "",
    tags: doc.metadata?.tags ?? [],
    settings: settingsOf(doc.settings),
    // Pinned outputs are run data for this draft's test runs, not part of the workflow: not exported.
    ...withoutPins(graphOf(doc)),
  };
}

/** Who has access, for the share dialog. Everyone who can see the workflow may see this. */
export async function getSharing(actor: Actor, id: string): Promise<SharingView> {
  const doc = await authorizedWorkflow(actor, id, "workflow:view");
  const acl = aclOf(doc.permissions);
  const all = [...acl.owners, ...acl.editors, ...acl.viewers];
  const users = all.length ? await User.find({ _id: { $in: all } }, { name: 1, email: 1 }).lean() : [];
  const byId = new Map(users.map((u) => [String(u._id), { id: String(u._id), email: u.email, name: u.name }]));
  const people = (ids: readonly string[]) =>
    ids.map((uid) => byId.get(uid) ?? { id: uid, email: "", name: "Deleted user" });
  return { owners: people(acl.owners), editors: people(acl.editors), viewers: people(acl.viewers), isPublic: Boolean(acl.isPublic) };
}
