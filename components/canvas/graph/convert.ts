// Between the stored graph (lib/workflow/types) and React Flow's objects. Saving goes through
// toWorkflowGraph, which copies only stored fields: selection, sizes, drag flags and anything
// else React Flow adds never reach the server.
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";
import { WORKFLOW_EDGE, type FlowEdge, type FlowNode } from "../types";

export function toFlowNode(node: WorkflowNode): FlowNode {
  return {
    id: node.id,
    type: node.type,
    position: { x: node.position.x, y: node.position.y },
    data: { title: node.data.title, config: node.data.config, ...(node.data.suggested ? { suggested: true } : {}), ...(node.data.pinned ? { pinned: node.data.pinned } : {}) },
  };
}

export function toFlowEdge(edge: WorkflowEdge): FlowEdge {
  const data: FlowEdge["data"] = {};
  if (edge.label !== undefined) data.label = edge.label;
  if (edge.condition !== undefined) data.condition = edge.condition;
  const flow: FlowEdge = { id: edge.id, source: edge.source, target: edge.target, type: WORKFLOW_EDGE, data };
  if (edge.sourceHandle != null) flow.sourceHandle = edge.sourceHandle;
  return flow;
}

export function toWorkflowNode(node: FlowNode): WorkflowNode {
  return {
    id: node.id,
    type: node.type ?? "",
    position: { x: node.position.x, y: node.position.y },
    data: { title: node.data.title, config: node.data.config, ...(node.data.suggested ? { suggested: true } : {}), ...(node.data.pinned ? { pinned: node.data.pinned } : {}) },
  };
}

export function toWorkflowEdge(edge: FlowEdge): WorkflowEdge {
  const out: WorkflowEdge = { id: edge.id, source: edge.source, target: edge.target };
  if (edge.sourceHandle != null) out.sourceHandle = edge.sourceHandle;
  if (edge.data?.label) out.label = edge.data.label;
  if (edge.data?.condition) out.condition = edge.data.condition;
  return out;
}

export function toFlowGraph(graph: WorkflowGraph): { nodes: FlowNode[]; edges: FlowEdge[] } {
  return { nodes: graph.nodes.map(toFlowNode), edges: graph.edges.map(toFlowEdge) };
}

/** The graph as stored: only the fields of lib/workflow/types.ts. */
export function toWorkflowGraph(doc: { nodes: readonly FlowNode[]; edges: readonly FlowEdge[] }): WorkflowGraph {
  return { nodes: doc.nodes.map(toWorkflowNode), edges: doc.edges.map(toWorkflowEdge) };
}
