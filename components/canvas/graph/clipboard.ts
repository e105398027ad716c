// The clipboard format: plain JSON text, so a copy travels between tabs, workflows and even a
// text editor. Parsing is strict about shape (the stored graph's schemas) and lenient about
// content: unknown node types and dangling edges are dropped, not fatal.
import { z } from "zod";
import { isNodeType } from "@/lib/nodes/registry";
import { MAX_EDGES, MAX_NODES, workflowEdgeSchema, workflowNodeSchema } from "@/lib/workflow/schema";
import type { GraphFragment } from "./operations";

export const CLIPBOARD_KIND = "switchyard/graph-fragment";
export const CLIPBOARD_VERSION = 1;

const fragmentSchema = z.object({
  kind: z.literal(CLIPBOARD_KIND),
  version: z.literal(CLIPBOARD_VERSION),
  nodes: z.array(workflowNodeSchema).max(MAX_NODES),
  edges: z.array(workflowEdgeSchema).max(MAX_EDGES),
});

export function serializeFragment(fragment: GraphFragment): string {
  return JSON.stringify({ kind: CLIPBOARD_KIND, version: CLIPBOARD_VERSION, nodes: fragment.nodes, edges: fragment.edges });
}

/** The fragment in a clipboard text, or null when the text is not one of ours. */
export function parseFragment(text: string): GraphFragment | null {
  if (!text || text.length > 20_000_000 || !text.trimStart().startsWith("{")) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = fragmentSchema.safeParse(json);
  if (!parsed.success) return null;
  const nodes = parsed.data.nodes.filter((n) => isNodeType(n.type));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = parsed.data.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return nodes.length ? { nodes, edges } : null;
}
