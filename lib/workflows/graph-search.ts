import "server-only";
// Which workflows name something in their graph (a credential id, a `$vars.name`), for the
// "in use" warnings before a delete. Graphs are JSON text (models/graph-codec.ts), so this reads
// every draft and each published version by _id and tests the text: a full scan, fine for the
// rare delete of a credential or variable; nothing on a hot path calls it.
import { Workflow } from "@/models/Workflow";
import { WorkflowVersion, versionId } from "@/models/WorkflowVersion";

export interface WorkflowMatch {
  id: string;
  name: string;
}

/** Workflows (optionally only `onlyId`) whose draft or published graph text passes `test`, by name. */
export async function workflowsWhoseGraph(test: (graphText: string) => boolean, onlyId?: string): Promise<WorkflowMatch[]> {
  const filter = onlyId ? { _id: onlyId } : {};
  const docs = await Workflow.find(filter, { name: 1, graph: 1, publishedVersion: 1 }).lean();
  const out: WorkflowMatch[] = [];
  for (const doc of docs) {
    let uses = test(doc.graph ?? "");
    if (!uses && doc.publishedVersion != null) {
      const version = await WorkflowVersion.findById(versionId(String(doc._id), doc.publishedVersion), { graph: 1 }).lean();
      uses = version ? test(version.graph) : false;
    }
    if (uses) out.push({ id: String(doc._id), name: doc.name });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
