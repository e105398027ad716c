// The React Flow shapes the designer works with. A flow node is a WorkflowNode plus whatever
// React Flow adds while editing (selected, measured, dragging); graph/convert.ts strips that.
import type { Edge, Node } from "@xyflow/react";

/** What a node carries: exactly WorkflowNode["data"], nothing UI-only. */
export type NodeData = { title: string; config: Record<string, unknown> };

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
 * A node's size before React Flow measures it, for placement and layout. Deliberately not given
 * to React Flow as initialWidth/initialHeight: an unmeasured node then counts as visible, so every
 * node renders once and is measured, and edges to nodes off-screen still have handle positions.
 */
export const NODE_SIZE = { width: 240, height: 76 } as const;
