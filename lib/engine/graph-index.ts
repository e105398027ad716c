// One pass over the graph that resolves ids, definitions and handles, and reports what is
// structurally broken. Later rules work on indexes and never look anything up by id again.
import { resolveSourceHandle } from "@/lib/nodes/handles";
import { getNodeDefinition } from "@/lib/nodes/registry";
import type { HandleDef, NodeDefinition } from "@/lib/nodes/types";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";
import { nodeName, type Problem } from "./problems";

export interface IndexedEdge {
  edge: WorkflowEdge;
  from: number;
  to: number;
  /** The output it leaves from; undefined when that is unknown (or the source's type is). */
  handle?: HandleDef;
}

export interface GraphIndex {
  /** Nodes with unique ids; for a repeated id the first node wins. */
  nodes: WorkflowNode[];
  definitions: (NodeDefinition | undefined)[];
  outputs: HandleDef[][];
  names: string[];
  /** Edges that can carry a run: both ends exist, the source has outputs, the target inputs. */
  edges: IndexedEdge[];
  out: number[][];
  in: number[][];
  /** Per node, the edges leaving it (indexes into edges). */
  outEdges: number[][];
}

function indexNodes(graph: WorkflowGraph, problems: Problem[]) {
  const nodes: WorkflowNode[] = [];
  const byId = new Map<string, number>();
  for (const node of graph.nodes) {
    const first = byId.get(node.id);
    if (first !== undefined) {
      problems.push({
        code: "duplicate-node-id",
        severity: "error",
        nodeId: node.id,
        message: `${nodeName(node)} has the same id as ${nodeName(nodes[first])} ("${node.id}"); each node needs its own id`,
      });
      continue;
    }
    byId.set(node.id, nodes.length);
    nodes.push(node);
  }
  return { nodes, byId };
}

function handleProblem(reason: "unknown" | "ambiguous" | "none", edge: WorkflowEdge, from: string, to: string): Problem {
  const base = { severity: "error" as const, edgeId: edge.id, nodeId: edge.source };
  if (reason === "ambiguous") {
    return { ...base, code: "ambiguous-source-handle", message: `The connection from ${from} to ${to} does not say which output of ${from} it leaves from` };
  }
  const message =
    reason === "none"
      ? `${from} has no outputs, so the connection to ${to} cannot start there`
      : `The connection from ${from} to ${to} leaves from an output "${edge.sourceHandle}" that ${from} does not have`;
  return { ...base, code: "unknown-source-handle", message };
}

export function buildGraphIndex(graph: WorkflowGraph, problems: Problem[]): GraphIndex {
  const { nodes, byId } = indexNodes(graph, problems);
  const definitions = nodes.map((n) => getNodeDefinition(n.type));
  const outputs = nodes.map((n, i) => definitions[i]?.outputs(n.data?.config) ?? []);
  const names = nodes.map((n, i) => nodeName(n, definitions[i]?.label));
  const index: GraphIndex = {
    nodes,
    definitions,
    outputs,
    names,
    edges: [],
    out: nodes.map(() => []),
    in: nodes.map(() => []),
    outEdges: nodes.map(() => []),
  };

  const edgeIds = new Set<string>();
  const connections = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) {
      problems.push({ code: "duplicate-edge-id", severity: "error", edgeId: edge.id, message: `Two connections share the id "${edge.id}"; each needs its own id` });
      continue;
    }
    edgeIds.add(edge.id);
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (from === undefined || to === undefined) {
      // Name the end that exists, so the designer can find the dangling connection.
      const known = from !== undefined ? `from ${names[from]}` : to !== undefined ? `to ${names[to]}` : `"${edge.id}"`;
      const missing = from === undefined ? edge.source : edge.target;
      problems.push({ code: "edge-missing-node", severity: "error", edgeId: edge.id, message: `The connection ${known} refers to a node that does not exist ("${missing}")` });
      continue;
    }
    const indexed: IndexedEdge = { edge, from, to };
    // An edge out of a node without outputs or into one without inputs can never carry a
    // run: it is reported, then left out so the flow rules do not build loops through it.
    let impossible = false;
    if (definitions[from]) {
      const resolved = resolveSourceHandle(outputs[from], edge.sourceHandle);
      if (resolved.ok) indexed.handle = resolved.handle;
      else problems.push(handleProblem(resolved.reason, edge, names[from], names[to]));
      impossible = !resolved.ok && resolved.reason === "none";
    }
    const target = definitions[to];
    if (target && target.inputs.length === 0) {
      problems.push({ code: "target-without-input", severity: "error", edgeId: edge.id, nodeId: nodes[to].id, message: `${names[to]} cannot have incoming connections (from ${names[from]})` });
      impossible = true;
    }
    if (impossible) continue;
    const key = `${from}\u0000${indexed.handle?.id ?? edge.sourceHandle ?? ""}\u0000${to}`;
    if (connections.has(key)) {
      problems.push({ code: "duplicate-connection", severity: "warning", edgeId: edge.id, nodeId: edge.source, message: `${names[from]} is connected to ${names[to]} twice from the same output` });
    }
    connections.add(key);
    index.outEdges[from].push(index.edges.length);
    index.edges.push(indexed);
    index.out[from].push(to);
    index.in[to].push(from);
  }
  return index;
}
