// The React Flow shapes the designer works with. A flow node is a WorkflowNode plus whatever
// React Flow adds while editing (selected, measured, dragging); graph/convert.ts strips that.
import type { Edge, Node } from "@xyflow/react";
import type { PinnedOutput } from "@/lib/workflow/types";

/** What a node carries: exactly WorkflowNode["data"], nothing UI-only. */
export type NodeData = { title: string; config: Record<string, unknown>; suggested?: boolean; pinned?: PinnedOutput };

/** React Flow's node type is the registry type ("decision"), which picks the node's look. */
export type FlowNode = Node<NodeData, string>;

/** Persisted edge fields that React Flow has no slot for. */
export type EdgeData = { label?: string; condition?: string };

export const WORKFLOW_EDGE = "workflow";

export type FlowEdge = Edge<EdgeData, typeof WORKFLOW_EDGE>;

/** The tracked part of the editor state: what undo/redo restores and autosave sends. */
export interface GraphDoc {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/**
 * The size of a typical node (one output) before its type is known: where a dropped or pasted
 * node is centred and how much room placement looks for. Every node's real size comes from
 * nodes/node-layout.ts.
 */
export const NODE_SIZE = { width: 240, height: 91 } as const;
