// Every node's size and handle positions, computed from its type and config instead of measured
// in the browser. Given these, React Flow skips its measuring pass (it renders every node once
// to measure it otherwise: most of the time spent opening a 1,000-node workflow) and mounts only
// the nodes in view. The node looks draw with the same numbers (fixed header and row heights,
// handles centred on their rows), so a handle sits exactly where its edge ends.
import { Position, type NodeHandle } from "@xyflow/react";
import { getNodeDefinition } from "@/lib/nodes/registry";
import type { FlowNode } from "../types";
import { outputRows, type OutputRow } from "./output-rows";

export const NODE_WIDTH = 240;
/** The frame: 1 px border, 4 px accent stripe on the left. */
export const BORDER = 1;
export const ACCENT = 4;
/** Icon, title and type line: 8 px padding around 20 px + 16 px of text. */
export const HEADER_HEIGHT = 52;
/** The list of outputs: a 1 px rule on top and 4 px padding above and below the rows. */
export const LIST_RULE = 1;
export const LIST_PADDING = 4;
export const ROW_HEIGHT = 28;
/** A row with a second line (a branch condition). */
export const ROW_WITH_DETAIL_HEIGHT = 32;
/** An error row has a dashed rule on top, inside its height. */
export const ERROR_ROW_RULE = 1;
/** Input handles' centre, from the top of the frame's inside. */
export const INPUT_TOP = 28;
export const HANDLE_SIZE = 12;
/** An error handle is the square turned 45°: its bounding box, which React Flow would measure. */
const DIAMOND = HANDLE_SIZE * Math.SQRT2;

export const rowHeight = (row: Pick<OutputRow, "detail">) => (row.detail ? ROW_WITH_DETAIL_HEIGHT : ROW_HEIGHT);

export interface NodeLayout {
  width: number;
  height: number;
  /** Relative to the node's top-left corner, as React Flow's `handles` wants them. */
  handles: NodeHandle[];
}

function box(id: string, type: "source" | "target", position: Position, cx: number, cy: number, size: number): NodeHandle {
  return { id, type, position, x: cx - size / 2, y: cy - size / 2, width: size, height: size };
}

export function nodeLayout(node: { type?: string; data: { config: unknown } }): NodeLayout {
  const type = node.type ?? "";
  const inputs = getNodeDefinition(type)?.inputs ?? [];
  const rows = outputRows({ type, data: node.data });
  // Inputs sit on the inner left edge (after the accent stripe), all at one height.
  const handles = inputs.map((h) => box(h.id, "target", Position.Left, ACCENT, BORDER + INPUT_TOP, HANDLE_SIZE));
  let top = BORDER + HEADER_HEIGHT + LIST_RULE + LIST_PADDING;
  for (const row of rows) {
    const height = rowHeight(row);
    const rule = row.tone === "error" ? ERROR_ROW_RULE : 0;
    // Centred in the row below its rule (top: 50% of the row's inside), on the inner right edge.
    const cy = top + rule + (height - rule) / 2;
    handles.push(box(row.id, "source", Position.Right, NODE_WIDTH - BORDER, cy, row.tone === "error" ? DIAMOND : HANDLE_SIZE));
    top += height;
  }
  const list = rows.length ? LIST_RULE + 2 * LIST_PADDING + rows.reduce((sum, r) => sum + rowHeight(r), 0) : 0;
  return { width: NODE_WIDTH, height: BORDER + HEADER_HEIGHT + list + BORDER, handles };
}

const laidOut = new WeakMap<FlowNode, FlowNode>();

/**
 * The node as React Flow gets it: with its size and handles, so it is never measured. Cached per
 * node object: an unchanged node keeps its identity, which React Flow uses to skip it.
 */
export function withLayout(node: FlowNode): FlowNode {
  let out = laidOut.get(node);
  if (!out) {
    const { width, height, handles } = nodeLayout(node);
    out = { ...node, width, height, measured: { width, height }, handles };
    laidOut.set(node, out);
  }
  return out;
}

/** A node's size on the canvas, for placement and auto-layout. */
export function nodeSize(node: FlowNode): { width: number; height: number } {
  const { width = NODE_WIDTH, height = 0 } = withLayout(node);
  return { width, height };
}
