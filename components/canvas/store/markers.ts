// Problems → one marker per node. Markers equal to the previous run's are reused by reference,
// so a node subscribed to its own marker re-renders only when its problems change.
import type { Problem } from "@/lib/engine/validate";

export interface NodeMarker {
  errors: number;
  warnings: number;
  /** The messages, for the marker's tooltip. */
  text: string;
}

const MAX_LINES = 6;

function problemNodeIds(problem: Problem): string[] {
  const ids = new Set(problem.nodeIds ?? []);
  if (problem.nodeId) ids.add(problem.nodeId);
  return [...ids];
}

export function buildMarkers(problems: readonly Problem[], previous?: ReadonlyMap<string, NodeMarker>): Map<string, NodeMarker> {
  const grouped = new Map<string, Problem[]>();
  for (const problem of problems) {
    for (const id of problemNodeIds(problem)) {
      const list = grouped.get(id);
      if (list) list.push(problem);
      else grouped.set(id, [problem]);
    }
  }
  const markers = new Map<string, NodeMarker>();
  for (const [id, list] of grouped) {
    const errors = list.filter((p) => p.severity === "error").length;
    const lines = list.slice(0, MAX_LINES).map((p) => `• ${p.message}`);
    if (list.length > MAX_LINES) lines.push(`…and ${list.length - MAX_LINES} more`);
    const marker: NodeMarker = { errors, warnings: list.length - errors, text: lines.join("\n") };
    const old = previous?.get(id);
    const same = old && old.errors === marker.errors && old.warnings === marker.warnings && old.text === marker.text;
    markers.set(id, same ? old : marker);
  }
  return markers;
}

/** Nodes a problem is about, for focusing the canvas on it. */
export { problemNodeIds };
