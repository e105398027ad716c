import "server-only";
// Which workflows name something in their graph (a credential id, a `$vars.name`), for the
// "in use" warnings before a delete. Configs are free-form, so this tests each graph's JSON text
// (models/graph-codec.ts): it reads every draft and each published version by _id, a full scan,
// fine for the rare delete of a credential or variable; nothing on a hot path calls it.
import { GRAPH_ONLY, decodeGraph, graphJson } from "@/models/graph-codec";
import { Workflow } from "@/models/Workflow";
import { WorkflowVersion, versionId } from "@/models/WorkflowVersion";

export interface WorkflowMatch {
  id: string;
  name: string;
}

/** Workflows (optionally only `onlyId`) whose draft or published graph text passes `test`, by name. */
export async function workflowsWhoseGraph(test: (graphText: string) => boolean, onlyId?: string): Promise<WorkflowMatch[]> {
  const filter = onlyId ? { _id: onlyId } : {};
  const docs = await Workflow.find(filter, { name: 1, ...GRAPH_ONLY, publishedVersion: 1 }).lean();
  const out: WorkflowMatch[] = [];
  for (const doc of docs) {
    let uses = test(graphJson(decodeGraph(doc)));
    if (!uses && doc.publishedVersion != null) {
      const version = await WorkflowVersion.findById(versionId(String(doc._id), doc.publishedVersion), GRAPH_ONLY).lean();
      uses = version ? test(graphJson(decodeGraph(version))) : false;
    }
    if (uses) out.push({ id: String(doc._id), name: doc.name });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
