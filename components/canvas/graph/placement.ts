// Where a node added without a drop point goes: the middle of the view if that is free,
// otherwise the nearest free spot around it, so a click on the palette never hides a node under
// another. Pure.
import type { XY } from "@/lib/workflow/types";
import { nodeSize } from "../nodes/node-layout";
import { NODE_SIZE, type FlowNode } from "../types";

const GAP = 24;
const STEP = { x: NODE_SIZE.width + 2 * GAP, y: NODE_SIZE.height + 2 * GAP };
const RINGS = 6;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function boxOf(node: FlowNode): Box {
  const { width, height } = nodeSize(node);
  return { left: node.position.x, top: node.position.y, right: node.position.x + width, bottom: node.position.y + height };
}

/** Offsets ring by ring around the middle, nearest first. */
const OFFSETS: XY[] = (() => {
  const out: XY[] = [{ x: 0, y: 0 }];
  for (let k = 1; k <= RINGS; k++) {
    const ring: XY[] = [];
    for (let i = -k; i <= k; i++) {
      for (let j = -k; j <= k; j++) if (Math.max(Math.abs(i), Math.abs(j)) === k) ring.push({ x: i * STEP.x, y: j * STEP.y });
    }
    ring.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || b.y - a.y);
    out.push(...ring);
  }
  return out;
})();

/** The centre for a new node near `center` where it overlaps no node (with a small gap). */
export function freeSpot(center: XY, nodes: readonly FlowNode[]): XY {
  const near = nodes.map(boxOf).filter((b) => Math.abs(b.left - center.x) < 4_000 && Math.abs(b.top - center.y) < 4_000);
  for (const offset of OFFSETS) {
    const c = { x: center.x + offset.x, y: center.y + offset.y };
    const candidate = {
      left: c.x - NODE_SIZE.width / 2 - GAP,
      right: c.x + NODE_SIZE.width / 2 + GAP,
      top: c.y - NODE_SIZE.height / 2 - GAP,
      bottom: c.y + NODE_SIZE.height / 2 + GAP,
    };
    const overlaps = near.some((b) => b.left < candidate.right && b.right > candidate.left && b.top < candidate.bottom && b.bottom > candidate.top);
    if (!overlaps) return c;
  }
  return center;
}
