// The graph a run executes, by its id: a published version (workflow_versions) or a frozen
// draft (run_graphs). Both never change, so each is read once per process and kept: the engine
// caches its compiled form by object identity, so every call for one version must get the same
// object (lib/engine/compiled-graph.ts).
import { createHash } from "node:crypto";
import type { RunVersion } from "@/lib/engine/interpreter";
import type { WorkflowGraph, WorkflowSettings } from "@/lib/workflow/types";
import { decodeGraph, encodeGraph, graphJson } from "@/models/graph-codec";
import { RunGraph } from "@/models/RunGraph";
import { WorkflowVersion } from "@/models/WorkflowVersion";

const CACHE_LIMIT = 200;
const holder = globalThis as unknown as { __switchyardRunGraphs?: Map<string, RunVersion> };
const cache = (holder.__switchyardRunGraphs ??= new Map<string, RunVersion>());

function remember(graphId: string, version: RunVersion): RunVersion {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(graphId, version);
  return version;
}

export class GraphMissing extends Error {}

/** The run's graph and settings. Throws GraphMissing when it is gone (a deleted workflow). */
export async function loadRunGraph(graphId: string): Promise<RunVersion> {
  const cached = cache.get(graphId);
  if (cached) {
    // Most recently used last, so the oldest is dropped first.
    cache.delete(graphId);
    cache.set(graphId, cached);
    return cached;
  }
  const doc = isDraftGraph(graphId) ? await RunGraph.findById(graphId).lean() : await WorkflowVersion.findById(graphId).lean();
  if (!doc) throw new GraphMissing(`The graph this run executes (${graphId}) no longer exists: its workflow was deleted.`);
  const graph = decodeGraph(doc);
  return remember(graphId, { ...graph, settings: (doc.settings ?? {}) as Partial<WorkflowSettings> });
}

const DRAFT_PREFIX = "draft:";

export function isDraftGraph(graphId: string): boolean {
  return graphId.startsWith(DRAFT_PREFIX);
}

export interface DraftSnapshot {
  graphId: string;
  version: RunVersion;
  /** Stores the snapshot (once per distinct draft); call it only when the run is really created. */
  store(): Promise<void>;
}

/** Freezes a draft for a test run; an unchanged draft maps to the same id and document. */
export function snapshotDraft(workflowId: string, graph: WorkflowGraph, settings: WorkflowSettings): DraftSnapshot {
  const text = graphJson(graph);
  const graphId = `${DRAFT_PREFIX}${createHash("sha256").update(text).update("\u0000").update(JSON.stringify(settings)).digest("hex").slice(0, 40)}`;
  const cached = cache.get(graphId);
  // A copy through the same JSON the id hashes, so this process runs what another would read.
  const version = cached ?? { ...(JSON.parse(text) as WorkflowGraph), settings };
  // Stored on every test run, even when cached here: the cache outlives nothing in the database.
  return { graphId, version, store: () => storeDraft(graphId, workflowId, version, settings) };
}

async function storeDraft(graphId: string, workflowId: string, version: RunVersion, settings: WorkflowSettings): Promise<void> {
  try {
    const graph = encodeGraph({ nodes: version.nodes, edges: version.edges });
    await RunGraph.updateOne({ _id: graphId }, { $setOnInsert: { workflowId, ...graph, settings } }, { upsert: true });
  } catch (error) {
    // Two test runs of the same draft at the same moment: the other one stored it.
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  remember(graphId, version);
}

/** For tests: forget every cached graph. */
export function clearGraphCache(): void {
  cache.clear();
}
