// Handles shared by many node types, and the one rule for which output an edge leaves from.
// The validator and (later) the engine both use resolveSourceHandle, so they cannot disagree.
import type { HandleDef } from "./types";

export const inputHandle: HandleDef = { id: "in", label: "In" };
export const nextHandle: HandleDef = { id: "out", label: "Next" };
export const errorHandle: HandleDef = { id: "error", label: "On error", kind: "error" };
/** A decision's always-present fallback output; here so the validator need not import a node. */
export const DEFAULT_BRANCH = "default";

export type ResolvedHandle =
  | { ok: true; handle: HandleDef }
  | { ok: false; reason: "unknown" | "ambiguous" | "none" };

/**
 * Which output an edge leaves from. An edge without sourceHandle means the node's single
 * normal (non-error) output; with several normal outputs it is ambiguous, and a node with
 * no outputs (end) cannot have outgoing edges at all. null is accepted because React Flow
 * writes null for "no handle".
 */
export function resolveSourceHandle(outputs: readonly HandleDef[], sourceHandle: string | null | undefined): ResolvedHandle {
  if (outputs.length === 0) return { ok: false, reason: "none" };
  if (sourceHandle !== undefined && sourceHandle !== null) {
    const handle = outputs.find((h) => h.id === sourceHandle);
    return handle ? { ok: true, handle } : { ok: false, reason: "unknown" };
  }
  const normal = outputs.filter((h) => h.kind !== "error");
  return normal.length === 1 ? { ok: true, handle: normal[0] } : { ok: false, reason: "ambiguous" };
}
