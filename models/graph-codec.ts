// How a workflow graph is stored in workflows, workflow_versions and run_graphs: `nodes` and
// `edges` as arrays of subdocuments, so someone with mongosh can read them and query
// `{ "nodes.type": "ai" }` (DESIGN.md, "The data is MongoDB-shaped and readable"). Every reader
// and writer goes through this module. The price, on the embedded FerretDB only: it decodes
// every nested value on each read and update, so a 1,000-node autosave went from ~100 ms (one
// JSON string) to ~550–850 ms on a loaded 2-core machine (README, Benchmarks, Designer).
//
// A node's config is written by its user, and the database has key rules of its own. Measured
// on FerretDB 1.24.2 (MongoDB refuses the same or less): it refuses a key that starts with "$",
// contains "." or a NUL, and a list directly inside a list ("nested arrays are not supported");
// it accepts an empty key, "$" inside a key, any other Unicode. Only a node whose config breaks
// those rules keeps its config as JSON text in `data.configJson` instead of `data.config`;
// reading prefers configJson. Edges hold no user-written keys (only string values), so they are
// stored as they are.
import type { PinnedOutput, WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";

export interface StoredNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  data: { title: string; config?: Record<string, unknown>; configJson?: string; [key: string]: unknown };
}

export interface StoredGraph {
  nodes: StoredNode[];
  edges: WorkflowEdge[];
}

/** A projection that leaves the graph out: lists and permission checks never need it. */
export const WITHOUT_GRAPH = { nodes: 0, edges: 0 } as const;
/** A projection of just the graph. */
export const GRAPH_ONLY = { nodes: 1, edges: 1 } as const;

const MAX_DEPTH = 100;

/** Whether every key and list in the value fits the database's rules (see above). */
export function fitsKeyRules(value: unknown, inArray = false, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return !inArray && value.every((item) => fitsKeyRules(item, true, depth + 1));
  if (value === null || typeof value !== "object" || value instanceof Date) return true;
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith("$") || key.includes(".") || key.includes("\u0000")) return false;
    if (!fitsKeyRules(item, false, depth + 1)) return false;
  }
  return true;
}

function storeNode(node: WorkflowNode): StoredNode {
  const { config, pinned, ...rest } = node.data;
  const data: StoredNode["data"] = fitsKeyRules(config) ? { ...rest, config } : { ...rest, configJson: JSON.stringify(config ?? {}) };
  if (pinned) data.pinned = storePin(pinned);
  return { ...node, data };
}

/** A pinned output (lib/engine/pins.ts) as stored: readable fields, the user's output as JSON text only when it breaks the key rules. */
type StoredPin = Omit<PinnedOutput, "output"> & { output?: unknown; outputJson?: string };

function storePin(pinned: PinnedOutput): StoredPin {
  const { output, ...about } = pinned;
  return fitsKeyRules(output) ? pinned : { ...about, outputJson: JSON.stringify(output ?? null) };
}

function readPin(stored: StoredPin): PinnedOutput {
  const { outputJson, ...pin } = stored;
  if (typeof outputJson !== "string") return pin;
  try {
    return { ...pin, output: JSON.parse(outputJson) as unknown };
  } catch {
    return { ...pin, output: null };
  }
}

export function encodeGraph(graph: WorkflowGraph): StoredGraph {
  return { nodes: graph.nodes.map(storeNode), edges: graph.edges };
}

function readConfig(data: StoredNode["data"]): Record<string, unknown> {
  if (typeof data.configJson === "string") {
    try {
      const parsed: unknown = JSON.parse(data.configJson);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // Unreadable text reads as an empty config; the validator then says what is missing.
    }
    return {};
  }
  return data.config && typeof data.config === "object" ? data.config : {};
}

function readNode(node: StoredNode): WorkflowNode {
  const data = node.data ?? { title: "" };
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped: the config is read from it
  const { configJson, config, pinned, ...rest } = data;
  const read: WorkflowNode["data"] = { ...rest, title: data.title ?? "", config: readConfig(data) };
  if (pinned && typeof pinned === "object") read.pinned = readPin(pinned as StoredPin);
  return { ...node, data: read };
}

/** The graph of a stored document; missing arrays read as empty. */
export function decodeGraph(doc: { nodes?: unknown; edges?: unknown } | null | undefined): WorkflowGraph {
  const nodes = Array.isArray(doc?.nodes) ? (doc.nodes as StoredNode[]) : [];
  const edges = Array.isArray(doc?.edges) ? (doc.edges as WorkflowEdge[]) : [];
  return { nodes: nodes.map(readNode), edges };
}

/**
 * The graph as canonical JSON text: what run_graphs ids hash, and what the "in use" search
 * reads. It is the text the graph was stored as before 001-graph-arrays, so ids stay the same.
 */
export function graphJson(graph: WorkflowGraph): string {
  return JSON.stringify({ nodes: graph.nodes, edges: graph.edges });
}
