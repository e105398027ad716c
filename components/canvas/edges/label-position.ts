// Where an edge's label goes. React Flow's default is the middle of the curve, which on a long
// edge (an error path to a far end node, a rejection skipping a column) often lands on a node
// standing between the two ends. A label close to its source sits in the gap right after the
// source's column instead, where no node stands; a short edge keeps it in the middle of its gap.
// Pure: the same cubic curve getBezierPath draws (outputs leave right, inputs enter left).
import type { XY } from "@/lib/workflow/types";

/** How far from the source handle (flow units) a label's centre goes on a long edge. */
export const LABEL_OFFSET = 48;

/** React Flow's control-point distance for a bezier edge (curvature 0.25). */
function controlOffset(distance: number, curvature = 0.25): number {
  return distance >= 0 ? 0.5 * distance : curvature * 25 * Math.sqrt(-distance);
}

function pointAt(t: number, p0: XY, p1: XY, p2: XY, p3: XY): XY {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/**
 * The label's centre for an edge from `source` (an output on a node's right side) to `target`
 * (an input on a node's left side). A forward edge: the middle of a short one, LABEL_OFFSET
 * along a long one. A backward edge (a loop) keeps the middle of the curve.
 */
export function edgeLabelPoint(source: XY, target: XY): XY {
  const dx = target.x - source.x;
  const offset = controlOffset(dx);
  const p1 = { x: source.x + offset, y: source.y };
  const p2 = { x: target.x - offset, y: target.y };
  if (dx <= 2 * LABEL_OFFSET) return pointAt(0.5, source, p1, p2, target);
  // x(t) rises monotonically on a forward edge: bisect for the point LABEL_OFFSET to the right.
  const wanted = source.x + LABEL_OFFSET;
  let lo = 0;
  let hi = 0.5;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (pointAt(mid, source, p1, p2, target).x < wanted) lo = mid;
    else hi = mid;
  }
  return pointAt((lo + hi) / 2, source, p1, p2, target);
}
