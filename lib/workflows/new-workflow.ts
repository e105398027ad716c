import "server-only";
// What a new workflow document holds, whichever way it was made (blank, template, duplicate,
// import): the creator owns it, it starts as a draft at revision 1.
import type { Actor } from "@/lib/auth/roles";
import { getNodeDefinition } from "@/lib/nodes/registry";
import { defaultSettings } from "@/lib/workflow/schema";
import type { WorkflowGraph, WorkflowNode, WorkflowSettings } from "@/lib/workflow/types";
import { encodeGraph } from "@/models/graph-codec";
import { Workflow } from "@/models/Workflow";

export interface NewWorkflow {
  name: string;
  description?: string;
  tags?: string[];
  category?: string;
  graph: WorkflowGraph;
  settings?: Partial<WorkflowSettings>;
}

export async function insertWorkflow(actor: Actor, input: NewWorkflow): Promise<string> {
  const doc = await Workflow.create({
    name: input.name,
    description: input.description ?? "",
    status: "draft",
    revision: 1,
    publishedVersion: null,
    ...encodeGraph(input.graph),
    nodeCount: input.graph.nodes.length,
    edgeCount: input.graph.edges.length,
    versions: [],
    metadata: { creator: actor.id, lastEditor: actor.id, tags: input.tags ?? [], category: input.category ?? "" },
    settings: { ...defaultSettings, ...input.settings },
    permissions: { owners: [actor.id], editors: [], viewers: [], isPublic: false },
  });
  return String(doc._id);
}

const blankNode = (id: string, type: "start" | "end", x: number, title: string): WorkflowNode => ({
  id,
  type,
  position: { x, y: 0 },
  data: { title, config: structuredClone(getNodeDefinition(type)!.defaults()) as Record<string, unknown> },
});

/** A start connected to an end: the smallest workflow that passes validation. */
export function blankGraph(): WorkflowGraph {
  return {
    nodes: [blankNode("start", "start", 0, "Start"), blankNode("end", "end", 300, "End")],
    edges: [{ id: "e_start_end", source: "start", target: "end" }],
  };
}
