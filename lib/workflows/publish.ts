import "server-only";
// Publishing: the stored draft, if the validator finds no errors, becomes an immutable
// numbered snapshot that runs can pin to.
import type { Actor } from "@/lib/auth/roles";
import { withoutPins } from "@/lib/engine/pins";
import { validateWorkflow } from "@/lib/engine/validate";
import { encodeGraph } from "@/models/graph-codec";
import { Workflow } from "@/models/Workflow";
import { WorkflowVersion, versionId } from "@/models/WorkflowVersion";
import type { PublishResult } from "./contract";
import { invalidInput } from "./refusals";
import { publishSchema } from "./schema";
import { ARCHIVED, authorizedWorkflow, graphOf, settingsOf } from "./store";

/** Tries version numbers from `first` on; inserting the deterministic _id is the lock. */
const MAX_ATTEMPTS = 5;

export async function publishWorkflow(actor: Actor, input: unknown): Promise<PublishResult> {
  const parsed = publishSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Publishing");
  const { id, notes, revision } = parsed.data;
  const doc = await authorizedWorkflow(actor, id, "workflow:publish", { graph: true, versions: true });
  if (doc.status === "archived") return { ok: false, message: ARCHIVED };
  if (revision !== undefined && revision !== doc.revision) {
    return {
      ok: false,
      message: `The workflow changed since you opened it (revision ${revision}, now ${doc.revision}). Reload or save, then publish.`,
    };
  }

  const graph = graphOf(doc);
  const errors = validateWorkflow(graph).filter((p) => p.severity === "error");
  if (errors.length > 0) {
    return {
      ok: false,
      message: `Fix ${errors.length === 1 ? "1 problem" : `${errors.length} problems`} before publishing.`,
      validation: errors.map(({ code, message, nodeId, edgeId, path }) => ({ code, message, nodeId, edgeId, path })),
    };
  }

  const publishedAt = new Date();
  const settings = settingsOf(doc.settings);
  let version = Math.max(doc.publishedVersion ?? 0, ...(doc.versions ?? []).map((v) => v.version)) + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      await WorkflowVersion.create({
        _id: versionId(id, version),
        workflowId: id,
        version,
        // Pins are for test runs of the draft only: a published version never carries one.
        ...encodeGraph(withoutPins(graph)),
        settings,
        notes,
        publishedBy: actor.id,
        publishedAt,
      });
      break;
    } catch (err) {
      // Taken: someone published at the same moment, or a crashed publish left this number.
      if ((err as { code?: number }).code !== 11000 || attempt >= MAX_ATTEMPTS) throw err;
      version++;
    }
  }

  const summary = { version, notes, publishedBy: actor.id, publishedAt, nodeCount: graph.nodes.length, edgeCount: graph.edges.length };
  // $max: of two publishes racing, the later number wins whichever writes last.
  await Workflow.updateOne(
    { _id: id },
    { $set: { status: "active" }, $max: { publishedVersion: version }, $push: { versions: summary } },
  );
  return { ok: true, version, message: `Published version ${version}.` };
}
