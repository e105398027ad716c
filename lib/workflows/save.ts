import "server-only";
// Saving the canvas's graph with optimistic concurrency: a save names the revision it is based
// on, and one conditional update both checks and bumps it, so two editors can never silently
// overwrite each other.
import { can, type Actor } from "@/lib/auth/roles";
import type { WorkflowGraph } from "@/lib/workflow/types";
import { encodeGraph } from "@/models/graph-codec";
import { claimOnce, releaseClaims } from "@/lib/db/claim";
import { Workflow } from "@/models/Workflow";
import { WorkflowVersion, versionId } from "@/models/WorkflowVersion";
import { aclOf } from "./access";
import type { Outcome, RestoredDraft, SaveGraphResult } from "./contract";
import { forgetAccess, knownAccess } from "./known-access";
import { invalidInput, oversize } from "./refusals";
import { saveGraphSchema, versionRefSchema } from "./schema";
import { stampNewPins, toStorableGraph } from "./storable";
import { ARCHIVED, authorizedWorkflow, graphOf, iso, settingsOf, userNames, type StoredWorkflow } from "./store";

function graphUpdate(actor: Actor, graph: WorkflowGraph) {
  return {
    ...encodeGraph(graph),
    nodeCount: graph.nodes.length,
    edgeCount: graph.edges.length,
    "metadata.lastEditor": actor.id,
  };
}

/** The claim that lets exactly one save write revision `n` of a workflow. */
function revisionKey(id: string, n: number): string {
  return `${id}:rev:${n}`;
}

/**
 * The save without reading the workflow first, when this process knows its access list
 * (lib/workflows/known-access.ts says why). True when it wrote; false leaves nothing changed
 * and the caller takes the full path, which also explains any refusal.
 */
export async function saveWithKnownAccess(actor: Actor, id: string, revision: number, graph: WorkflowGraph): Promise<boolean> {
  const known = knownAccess(id);
  if (!known?.permissions || known.status === "archived" || !can(actor, "workflow:edit", aclOf(known.permissions))) return false;
  const key = revisionKey(id, revision + 1);
  if (!(await claimOnce(key))) return false;
  // Matches only while the access list and status are still the ones decided on above.
  const result = await Workflow.updateOne(
    { _id: id, revision, status: known.status, permissions: known.permissions },
    { $set: graphUpdate(actor, graph), $inc: { revision: 1 } },
  );
  if (result.matchedCount === 1) {
    await releaseClaims([revisionKey(id, revision)]);
    return true;
  }
  forgetAccess(id);
  await releaseClaims([key]); // so the full path can claim it again
  return false;
}

export async function saveGraph(actor: Actor, input: unknown): Promise<SaveGraphResult> {
  const tooBig = oversize(input, "This workflow");
  if (tooBig) return tooBig;
  const parsed = saveGraphSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "The save");
  const { id, revision, force } = parsed.data;
  // Only the fields of lib/workflow/types.ts are kept: the schema strips React Flow's UI state
  // (selected, dragging, measured…), and toStorableGraph what the database cannot hold.
  const storable = toStorableGraph(stampNewPins(parsed.data, actor.id));
  if (!storable.ok) {
    const [first] = storable.problems;
    return { ok: false, message: `The save was refused: ${first.message} (at ${first.path}).`, problems: storable.problems };
  }

  if (!force && (await saveWithKnownAccess(actor, id, revision, storable.graph))) {
    return { ok: true, revision: revision + 1, savedAt: new Date().toISOString() };
  }

  const current = await authorizedWorkflow(actor, id, "workflow:edit");
  if (current.status === "archived") return { ok: false, message: ARCHIVED };
  // force: the user saw the other changes and chose theirs, so base it on what is stored now.
  const base = force ? current.revision : revision;
  // Only the caller that claims the next revision may write it (lib/db/claim.ts: conditional
  // updates alone are not atomic on FerretDB); the update still names the revision it expects.
  if (await claimOnce(revisionKey(id, base + 1))) {
    const result = await Workflow.updateOne(
      { _id: id, revision: base },
      { $set: graphUpdate(actor, storable.graph), $inc: { revision: 1 } },
    );
    if (result.matchedCount === 1) {
      await releaseClaims([revisionKey(id, base)]);
      return { ok: true, revision: base + 1, savedAt: new Date().toISOString() };
    }
  }

  const stored = await Workflow.findById(id, { versions: 0 }).lean<StoredWorkflow>();
  if (!stored) return { ok: false, message: "This workflow was deleted while you were editing it." };
  const names = await userNames([stored.metadata?.lastEditor]);
  return {
    ok: false,
    conflict: {
      revision: stored.revision,
      ...graphOf(stored),
      lastEditorName: names.get(String(stored.metadata?.lastEditor)) ?? "someone else",
      updatedAt: iso(stored.updatedAt),
    },
  };
}

/** Makes a published version the draft again, as a new revision; the versions stay as they were. */
export async function restoreVersion(actor: Actor, input: unknown): Promise<Outcome<RestoredDraft>> {
  const parsed = versionRefSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Restoring");
  const { id, version } = parsed.data;
  const current = await authorizedWorkflow(actor, id, "workflow:edit");
  if (current.status === "archived") return { ok: false, message: ARCHIVED };
  const snapshot = await WorkflowVersion.findById(versionId(id, version)).lean();
  if (!snapshot) return { ok: false, message: `Version ${version} of this workflow does not exist.` };
  const graph = graphOf(snapshot);
  const settings = settingsOf(snapshot.settings);
  const next = current.revision + 1;
  const busy = { ok: false as const, message: "Someone saved this workflow at the same moment. Try restoring again." };
  if (!(await claimOnce(revisionKey(id, next)))) return busy;
  const updated = await Workflow.updateOne(
    { _id: id, revision: current.revision },
    { $set: { ...graphUpdate(actor, graph), settings }, $inc: { revision: 1 } },
  );
  if (updated.matchedCount === 0) return busy;
  await releaseClaims([revisionKey(id, current.revision)]);
  return { ok: true, message: `Version ${version} is now the draft.`, revision: next, ...graph, settings };
}
