import "server-only";
// The workflows /api/mcp offers a key's owner: marked "Available to AI assistants", published,
// not archived, and runnable by the owner (the right POST /api/v1/workflows/{id}/runs needs).
// Tool names come from the workflow names, made unique in a stable order (oldest first), so a
// tools/call finds the workflow by listing again.
import { slugToolName } from "@/lib/ai/agent/tool-name";
import { can, type Actor } from "@/lib/auth/roles";
import { aclOf } from "@/lib/workflows/access";
import { toolTargetOf, type WorkflowToolTarget } from "@/lib/workflows/as-tool";
import { META_PROJECTION, type StoredWorkflow } from "@/lib/workflows/store";
import { Workflow } from "@/models/Workflow";

export interface AssistantTool extends WorkflowToolTarget {
  toolName: string;
}

export async function assistantTools(actor: Actor): Promise<AssistantTool[]> {
  // The workflows collection is small and FerretDB scans for any filter but _id (DESIGN.md), so
  // this is one read like the workflows list; rights are decided in memory through can().
  const docs = await Workflow.find({ availableToAi: true }, META_PROJECTION).lean<StoredWorkflow[]>();
  const offered = docs
    .filter((doc) => doc.status !== "archived" && doc.publishedVersion != null && can(actor, "workflow:run", aclOf(doc.permissions)))
    .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || String(a._id).localeCompare(String(b._id)));
  const taken = new Set<string>();
  const tools: AssistantTool[] = [];
  for (const doc of offered) {
    const target = await toolTargetOf(doc);
    if (target) tools.push({ ...target, toolName: slugToolName(target.name, taken) });
  }
  return tools;
}
