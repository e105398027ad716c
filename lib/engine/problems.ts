// What the validator reports. Messages are for the designer: they name nodes by title and
// say what to do; code is for the UI and tests; ids and path let the canvas point at it.
import type { WorkflowNode } from "@/lib/workflow/types";

export type ProblemCode =
  // structure
  | "duplicate-node-id"
  | "duplicate-edge-id"
  | "unknown-node-type"
  | "edge-missing-node"
  | "unknown-source-handle"
  | "ambiguous-source-handle"
  | "target-without-input"
  | "duplicate-connection"
  // flow
  | "missing-start"
  | "multiple-starts"
  | "missing-end"
  | "disconnected"
  | "unreachable"
  | "dead-end"
  | "cycle-without-decision"
  | "decision-default-unconnected"
  | "join-needs-inputs"
  | "split-needs-outputs"
  | "unconnected-output"
  // config
  | "invalid-config"
  | "expression-syntax"
  | "needs-review";

export interface Problem {
  code: ProblemCode;
  message: string;
  severity: "error" | "warning";
  nodeId?: string;
  /** Every node involved, when there are several (a loop, several start nodes). */
  nodeIds?: string[];
  edgeId?: string;
  /** Dotted path inside the node's config, e.g. "branches.0.condition". */
  path?: string;
  /** Character offset of an expression error inside the value at path. */
  position?: number;
}

/** How messages name a node: its title, or its type and id when it has none. */
export function nodeName(node: WorkflowNode, typeLabel?: string): string {
  const title = node.data?.title?.trim();
  return title ? `"${title}"` : `${typeLabel ?? node.type} "${node.id}"`;
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function listNames(names: readonly string[], max = 5): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length > max) return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
