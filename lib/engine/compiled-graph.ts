// The graph as the interpreter reads it: the validator's index (one pass, no second lookup
// structure) plus what routing needs per node. Built once per graph object and cached, so the
// runtime should keep a version's graph object alive while it works on runs of that version.
import { resolveSourceHandle } from "@/lib/nodes/handles";
import type { HandleDef } from "@/lib/nodes/types";
import type { WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";
import { cyclicComponents, reachableFrom } from "./graph-algorithms";
import { buildGraphIndex, type GraphIndex, type IndexedEdge } from "./graph-index";
import type { Problem } from "./problems";

/** Node types the core runs itself (lib/engine/builtins.ts); the rest need an executor. */
export const BUILTIN_TYPES: ReadonlySet<string> = new Set(["start", "end", "set", "decision", "parallel", "timer"]);

export interface CompiledNode {
  index: number;
  id: string;
  type: string;
  node: WorkflowNode;
  /** How messages name it: its title in quotes, or its type and id. */
  name: string;
  config: Record<string, unknown>;
  outputs: HandleDef[];
  /** The output taken when a result names none: the single normal output, if there is one. */
  defaultHandle?: string;
  /** The id of its error output, when it has one. */
  errorHandle?: string;
  isJoin: boolean;
  builtin: boolean;
  /** Edges into this node, in graph order (a join waits for all of them). */
  incoming: IndexedEdge[];
  /** Per output handle id, the edges leaving it. */
  outByHandle: Map<string, IndexedEdge[]>;
  /** Node config retries (overrides the workflow's maxRetries) and timeoutMs, when set. */
  retries?: number;
  timeoutMs?: number;
}

export interface CompiledGraph {
  graph: WorkflowGraph;
  index: GraphIndex;
  nodes: CompiledNode[];
  byId: Map<string, CompiledNode>;
  start?: CompiledNode;
  /** Problems met while indexing (the run was validated when it started; these are for diagnostics). */
  problems: Problem[];
  /** Cyclic strongly connected components, for naming a runaway loop. Computed on first use. */
  loops(): number[][];
  /** Nodes from which a token can still reach the source of the given edge (or is at it). */
  canReachEdge(edge: IndexedEdge): Uint8Array;
}

const cache = new WeakMap<WorkflowGraph, CompiledGraph>();

function numberIn(config: Record<string, unknown>, key: string): number | undefined {
  const value = config[key];
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function compileNode(index: GraphIndex, i: number): CompiledNode {
  const node = index.nodes[i];
  const raw = node.data?.config;
  const config = (raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const outputs = index.outputs[i];
  const resolved = resolveSourceHandle(outputs, undefined);
  const outByHandle = new Map<string, IndexedEdge[]>();
  for (const e of index.outEdges[i]) {
    const handle = index.edges[e].handle?.id;
    if (handle === undefined) continue;
    const list = outByHandle.get(handle);
    if (list) list.push(index.edges[e]);
    else outByHandle.set(handle, [index.edges[e]]);
  }
  return {
    index: i,
    id: node.id,
    type: node.type,
    node,
    name: index.names[i],
    config,
    outputs,
    defaultHandle: resolved.ok ? resolved.handle.id : undefined,
    errorHandle: outputs.find((h) => h.kind === "error")?.id,
    isJoin: node.type === "parallel" && config.mode === "join",
    builtin: BUILTIN_TYPES.has(node.type),
    incoming: [],
    outByHandle,
    retries: numberIn(config, "retries"),
    timeoutMs: numberIn(config, "timeoutMs"),
  };
}

function build(graph: WorkflowGraph): CompiledGraph {
  const problems: Problem[] = [];
  const index = buildGraphIndex(graph, problems);
  const nodes = index.nodes.map((_, i) => compileNode(index, i));
  for (const e of index.edges) nodes[e.to].incoming.push(e);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let loops: number[][] | undefined;
  const reach = new Map<IndexedEdge, Uint8Array>();
  return {
    graph,
    index,
    nodes,
    byId,
    start: nodes.find((n) => n.type === "start"),
    problems,
    loops: () => (loops ??= cyclicComponents(index.out, () => true)),
    canReachEdge(edge) {
      let seen = reach.get(edge);
      if (!seen) {
        seen = reachableFrom(index.in, [edge.from]);
        reach.set(edge, seen);
      }
      return seen;
    },
  };
}

export function compileGraph(graph: WorkflowGraph): CompiledGraph {
  let compiled = cache.get(graph);
  if (!compiled) {
    compiled = build(graph);
    cache.set(graph, compiled);
  }
  return compiled;
}

export function nodeOf(graph: CompiledGraph, nodeId: string): CompiledNode {
  const node = graph.byId.get(nodeId);
  if (!node) throw new Error(`The run refers to a node "${nodeId}" that its workflow version does not have`);
  return node;
}
