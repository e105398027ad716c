// Where a finished step sends the run: every edge leaving the chosen output gets a token
// (so a split, or any node with several edges on one output, fans out), except that an edge
// into a join adds an arrival to that join instead. Which output is chosen is the node's
// business (a decision's branch, a human's approve/reject); a result that names none takes
// the node's single normal output, the rule resolveSourceHandle applies to edges.
import type { CompiledNode } from "./compiled-graph";
import type { Draft } from "./draft";
import { arriveAtJoin } from "./joins";
import type { Token } from "./state";

export type HandleChoice = { ok: true; handle?: string } | { ok: false; message: string };

/** The output a result leaves by, checked against the node's outputs. */
export function chooseHandle(node: CompiledNode, requested: string | undefined): HandleChoice {
  if (node.outputs.length === 0) return { ok: true };
  if (requested !== undefined) {
    if (node.outputs.some((h) => h.id === requested)) return { ok: true, handle: requested };
    const known = node.outputs.map((h) => `"${h.id}"`).join(", ");
    return { ok: false, message: `${node.name} chose an output "${requested}" it does not have (it has ${known})` };
  }
  if (node.defaultHandle !== undefined) return { ok: true, handle: node.defaultHandle };
  const normal = node.outputs.filter((h) => h.kind !== "error").map((h) => `"${h.label}"`);
  return { ok: false, message: `${node.name} finished without choosing one of its outputs (${normal.join(", ")})` };
}

/** Sends the step's result along the handle's edges; returns the ids of the nodes reached. */
export function route(draft: Draft, node: CompiledNode, token: Token, handle: string | undefined): string[] {
  if (handle === undefined) return [];
  const edges = node.outByHandle.get(handle);
  if (!edges) return [];
  const reached: string[] = [];
  for (const edge of edges) {
    const target = draft.graph.nodes[edge.to];
    const arrival = { nodeId: node.id, stepId: token.stepId, edgeId: edge.edge.id, handle };
    if (target.isJoin) arriveAtJoin(draft, target, edge, arrival);
    else draft.addToken(target.id, arrival);
    if (!reached.includes(target.id)) reached.push(target.id);
  }
  return reached;
}

/** True when the node has an error output with at least one edge leaving it. */
export function hasConnectedErrorOutput(node: CompiledNode): boolean {
  return node.errorHandle !== undefined && (node.outByHandle.get(node.errorHandle)?.length ?? 0) > 0;
}
