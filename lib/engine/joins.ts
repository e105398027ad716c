// Parallel joins. Each token arriving at a join is recorded in an activation of that join;
// an activation fires (the join's step becomes ready) when every incoming edge has arrived.
// A second token on an edge that already arrived belongs to the next activation (a loop's
// next wave). An activation also fires, with the branches it has, when none of its missing
// edges can still be reached by a live token or another waiting join: a branch that took
// another way at a decision is counted as skipped instead of holding the join forever.
import type { IndexedEdge } from "./graph-index";
import { reachableFrom } from "./graph-algorithms";
import type { CompiledNode } from "./compiled-graph";
import type { Draft } from "./draft";
import { findOutput, type Arrival, type JoinActivation } from "./state";

/** One entry of a join's input and output: what a branch delivered. */
export interface JoinBranch {
  nodeId: string;
  output?: unknown;
}

export function arriveAtJoin(draft: Draft, join: CompiledNode, edge: IndexedEdge, arrival: Arrival): void {
  const joins = draft.state.joins;
  const edgeId = edge.edge.id;
  let i = joins.findIndex((a) => a.nodeId === join.id && !a.arrivals.some((x) => x.edgeId === edgeId));
  if (i < 0) {
    // Numbered like the step it becomes ("join#n") when activations fire in the order they open.
    const pending = joins.filter((a) => a.nodeId === join.id).length;
    const activation = (draft.record(join.id)?.activations ?? 0) + pending + 1;
    joins.push({ nodeId: join.id, activation, openedAt: draft.now, arrivals: [] });
    i = joins.length - 1;
  }
  const activation = { ...joins[i], arrivals: [...joins[i].arrivals, { ...arrival, at: draft.now }] };
  joins[i] = activation;
  if (activation.arrivals.length >= join.incoming.length) {
    fire(draft, join, activation);
    return;
  }
  draft.emit({
    type: "join_waiting",
    at: draft.now,
    nodeId: join.id,
    activation: activation.activation,
    arrived: activation.arrivals.length,
    expected: join.incoming.length,
  });
}

/** Turns an activation into a ready token whose input is the arrived branches, in edge order. */
function fire(draft: Draft, join: CompiledNode, activation: JoinActivation): void {
  const branches: JoinBranch[] = [];
  for (const edge of join.incoming) {
    const arrival = activation.arrivals.find((a) => a.edgeId === edge.edge.id);
    if (!arrival) continue;
    const output = arrival.output ? arrival.output.value : findOutput(draft.state, arrival.nodeId)?.output;
    branches.push({ nodeId: arrival.nodeId, output });
  }
  const joins = draft.state.joins;
  joins.splice(joins.indexOf(activation), 1);
  draft.addToken(join.id, undefined, { value: branches });
}

function missingEdges(join: CompiledNode, activation: JoinActivation): IndexedEdge[] {
  const arrived = new Set(activation.arrivals.map((a) => a.edgeId));
  return join.incoming.filter((e) => !arrived.has(e.edge.id));
}

/** Can anything still deliver one of the activation's missing edges? */
function canStillArrive(draft: Draft, activation: JoinActivation, fromTokens: Uint8Array): boolean {
  const graph = draft.graph;
  const join = graph.byId.get(activation.nodeId);
  if (!join) return false;
  for (const edge of missingEdges(join, activation)) {
    if (fromTokens[edge.from]) return true;
    const reach = graph.canReachEdge(edge);
    for (const other of draft.state.joins) {
      if (other === activation) continue;
      const at = graph.byId.get(other.nodeId);
      if (at && reach[at.index]) return true;
    }
  }
  return false;
}

/**
 * Fires activations that cannot receive anything more, until none is left to fire. When
 * joins wait only on each other (a cycle of joins with no token alive), the oldest fires.
 */
export function settleJoins(draft: Draft): void {
  const graph = draft.graph;
  while (draft.state.joins.length > 0) {
    const seeds = draft.state.tokens.map((t) => graph.byId.get(t.nodeId)?.index ?? -1).filter((i) => i >= 0);
    const fromTokens = reachableFrom(graph.index.out, seeds);
    let ready = draft.state.joins.find((a) => !canStillArrive(draft, a, fromTokens));
    if (!ready && draft.state.tokens.length === 0) ready = draft.state.joins[0];
    if (!ready) return;
    const join = graph.byId.get(ready.nodeId);
    if (!join) {
      draft.state.joins.splice(draft.state.joins.indexOf(ready), 1);
      continue;
    }
    fire(draft, join, ready);
  }
}
