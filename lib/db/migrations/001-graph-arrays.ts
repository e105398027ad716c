// 001: workflow graphs from one JSON string (`graph`) to `nodes` and `edges` arrays of
// subdocuments, in workflows, workflow_versions and run_graphs (DESIGN.md, "The data is
// MongoDB-shaped and readable"). The shape written here is the one models/graph-codec.ts
// reads, frozen as of this migration: a node whose config breaks the database's key rules
// keeps it as JSON text in `data.configJson`. Only the graph fields of lib/workflow/types.ts
// are kept, as every save has done since lib/workflows/storable.ts (anything else was React
// Flow's UI state). run_graphs ids hash the graph's JSON text, which this does not change.
import type { Db } from "mongodb";
import type { Migration } from "./index";

const COLLECTIONS = ["workflows", "workflow_versions", "run_graphs"] as const;

/** Keys FerretDB 1.24 and MongoDB refuse ("$…", ".", NUL) or a list directly in a list. */
function fitsKeyRules(value: unknown, inArray = false): boolean {
  if (Array.isArray(value)) return !inArray && value.every((item) => fitsKeyRules(item, true));
  if (value === null || typeof value !== "object") return true;
  return Object.entries(value).every(([key, item]) => !key.startsWith("$") && !key.includes(".") && !key.includes("\u0000") && fitsKeyRules(item));
}

type Old = Record<string, unknown> | null | undefined;

function convertNode(node: Old) {
  const data = (node?.data ?? {}) as Record<string, unknown>;
  const config = data.config ?? {};
  const position = (node?.position ?? {}) as Old;
  return {
    id: node?.id,
    type: node?.type,
    position: { x: position?.x ?? 0, y: position?.y ?? 0 },
    data: fitsKeyRules(config) ? { title: data.title ?? "", config } : { title: data.title ?? "", configJson: JSON.stringify(config) },
  };
}

function convertEdge(edge: Old) {
  const out: Record<string, unknown> = { id: edge?.id, source: edge?.source, target: edge?.target };
  for (const key of ["sourceHandle", "label", "condition"]) if (edge?.[key] != null) out[key] = edge[key];
  return out;
}

/** The arrays for one old `graph` text; text that does not parse is kept beside them, not lost. */
export function convertGraphText(text: string): Record<string, unknown> {
  let value: { nodes?: unknown; edges?: unknown };
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return { nodes: [], edges: [], unreadableGraph: text };
  }
  const nodes = Array.isArray(value?.nodes) ? (value.nodes as Old[]).map(convertNode) : [];
  const edges = Array.isArray(value?.edges) ? (value.edges as Old[]).map(convertEdge) : [];
  return { nodes, edges };
}

export const graphArrays: Migration = {
  id: "001-graph-arrays",
  title: "Workflow graphs become readable nodes and edges arrays",
  async run(db: Db): Promise<number> {
    let changed = 0;
    for (const name of COLLECTIONS) {
      const collection = db.collection<{ _id: unknown; graph?: unknown }>(name);
      // One document at a time: graphs can be large. Converted documents have no `graph` and
      // are not read again. The update names the text it converted, so a graph an older
      // process rewrote meanwhile is not overwritten: the next pass converts its new text.
      for (let pass = 0; pass < 5; pass++) {
        let skipped = 0;
        const cursor = collection.find({ graph: { $type: "string" } }, { projection: { _id: 1, graph: 1 } });
        for await (const doc of cursor) {
          const text = doc.graph as string;
          const result = await collection.updateOne({ _id: doc._id, graph: text }, { $set: convertGraphText(text), $unset: { graph: "" } });
          changed += result.modifiedCount;
          if (result.matchedCount === 0) skipped++;
        }
        if (skipped === 0) break;
      }
    }
    return changed;
  },
};
