// What an edge shows: the label of the output it leaves from (when the source has a choice of
// outputs) and, for a branch with a condition, a copy of that condition. Both are stored on the
// edge (WorkflowEdge.label / .condition) and refreshed whenever the source's config changes.
import { errorHandle, resolveSourceHandle } from "@/lib/nodes/handles";
import { getNodeOutputs } from "@/lib/nodes/registry";
import { isRecord } from "@/lib/nodes/fields";
import type { EdgeData, FlowEdge, FlowNode } from "../types";

/** The branch condition behind a handle, for configs that keep `branches: [{id, condition}]`. */
function conditionFor(config: unknown, handleId: string): string | undefined {
  if (!isRecord(config) || !Array.isArray(config.branches)) return undefined;
  const branch = config.branches.find((b: unknown) => isRecord(b) && b.id === handleId);
  return isRecord(branch) && typeof branch.condition === "string" && branch.condition.trim() !== ""
    ? branch.condition
    : undefined;
}

export function edgeMeta(source: FlowNode | undefined, sourceHandle: string | null | undefined): EdgeData {
  if (!source) return {};
  const outputs = getNodeOutputs({ type: source.type ?? "", data: source.data });
  const resolved = resolveSourceHandle(outputs, sourceHandle);
  if (!resolved.ok) return {};
  const handle = resolved.handle;
  const normal = outputs.filter((h) => h.kind !== "error");
  const meta: EdgeData = {};
  // A lone "Next" says nothing; a choice between outputs (or the error path) does.
  if (handle.kind === "error" || normal.length > 1) meta.label = handle.label;
  const condition = conditionFor(source.data.config, handle.id);
  if (condition !== undefined) meta.condition = condition;
  return meta;
}

function sameMeta(a: EdgeData | undefined, b: EdgeData): boolean {
  return (a?.label ?? undefined) === b.label && (a?.condition ?? undefined) === b.condition;
}

/** Edges leaving `node` with fresh labels; the same array when nothing changed. */
export function refreshOutgoingEdges(edges: FlowEdge[], node: FlowNode): FlowEdge[] {
  let changed = false;
  const next = edges.map((edge) => {
    if (edge.source !== node.id) return edge;
    const meta = edgeMeta(node, edge.sourceHandle);
    if (sameMeta(edge.data, meta)) return edge;
    changed = true;
    return { ...edge, data: meta };
  });
  return changed ? next : edges;
}

export function isErrorEdge(sourceHandle: string | null | undefined): boolean {
  return sourceHandle === errorHandle.id;
}
