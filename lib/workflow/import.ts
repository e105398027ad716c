// Reads a workflow file a user uploads. Everything is reported with where it is, so the user
// can fix the file; only the first problems are kept, since one mistake repeated over 5,000
// nodes helps nobody as 5,000 lines. Node configs come back parsed, which strips unknown keys.
import { getNodeDefinition, nodeTypes } from "@/lib/nodes/registry";
import { defaultSettings, workflowImportSchema } from "./schema";
import type { WorkflowEdge, WorkflowNode, WorkflowSettings } from "./types";

export const MAX_IMPORT_PROBLEMS = 20;

export interface ImportProblem {
  /** Dotted path in the file, e.g. "nodes.3.data.config.url"; "" for the whole file. */
  path: string;
  message: string;
}

export interface ImportedWorkflow {
  name?: string;
  description?: string;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  settings: WorkflowSettings;
}

export type ImportResult =
  | { ok: true; workflow: ImportedWorkflow }
  /** truncated: there were more problems than the ones listed. */
  | { ok: false; problems: ImportProblem[]; truncated: boolean };

const joinPath = (parts: readonly PropertyKey[]) => parts.map(String).join(".");

class ProblemList {
  readonly items: ImportProblem[] = [];
  truncated = false;
  add(path: string, message: string) {
    if (this.items.length < MAX_IMPORT_PROBLEMS) this.items.push({ path, message });
    else this.truncated = true;
  }
  get full() {
    return this.items.length >= MAX_IMPORT_PROBLEMS;
  }
}

const nodeLabel = (node: WorkflowNode) => (node.data.title.trim() ? `"${node.data.title}"` : `node "${node.id}"`);

function checkNodes(nodes: WorkflowNode[], problems: ProblemList): WorkflowNode[] {
  const seen = new Set<string>();
  return nodes.map((node, i) => {
    if (seen.has(node.id)) problems.add(`nodes.${i}.id`, `Node id "${node.id}" is used more than once`);
    seen.add(node.id);
    const definition = getNodeDefinition(node.type);
    if (!definition) {
      problems.add(`nodes.${i}.type`, `${nodeLabel(node)} has an unknown type "${node.type}" (known: ${nodeTypes.join(", ")})`);
      return node;
    }
    if (problems.full) return node; // parsing configs costs time and nothing more would be listed
    const parsed = definition.configSchema.safeParse(node.data.config);
    if (parsed.success) return { ...node, data: { ...node.data, config: parsed.data as Record<string, unknown> } };
    for (const issue of parsed.error.issues) {
      problems.add(joinPath([`nodes.${i}.data.config`, ...issue.path]), `${nodeLabel(node)}: ${issue.message}`);
    }
    return node;
  });
}

function checkEdges(edges: WorkflowEdge[], nodeIds: ReadonlySet<string>, problems: ProblemList) {
  const seen = new Set<string>();
  edges.forEach((edge, i) => {
    if (seen.has(edge.id)) problems.add(`edges.${i}.id`, `Edge id "${edge.id}" is used more than once`);
    seen.add(edge.id);
    if (!nodeIds.has(edge.source)) problems.add(`edges.${i}.source`, `Edge "${edge.id}" starts at a node that does not exist ("${edge.source}")`);
    if (!nodeIds.has(edge.target)) problems.add(`edges.${i}.target`, `Edge "${edge.id}" ends at a node that does not exist ("${edge.target}")`);
  });
}

function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON${error instanceof Error ? `: ${error.message}` : ""}` };
  }
}

/** Accepts the parsed JSON of a workflow file, or its text. */
export function parseImport(json: unknown): ImportResult {
  let input = json;
  if (typeof json === "string") {
    const text = parseJsonText(json);
    if (!text.ok) return { ok: false, problems: [{ path: "", message: text.message }], truncated: false };
    input = text.value;
  }
  const problems = new ProblemList();
  const structure = workflowImportSchema.safeParse(input);
  if (!structure.success) {
    // Without a sound structure the deeper checks would only repeat the same mistakes.
    for (const issue of structure.error.issues) problems.add(joinPath(issue.path), issue.message);
    return { ok: false, problems: problems.items, truncated: problems.truncated };
  }
  const { name, description, settings } = structure.data;
  const nodes = checkNodes(structure.data.nodes, problems);
  checkEdges(structure.data.edges, new Set(nodes.map((n) => n.id)), problems);
  if (problems.items.length > 0) return { ok: false, problems: problems.items, truncated: problems.truncated };
  return {
    ok: true,
    workflow: { name, description, nodes, edges: structure.data.edges, settings: { ...defaultSettings, ...settings } },
  };
}
