// A fast left-to-right layered layout for graphs too big for dagre (whose cost grows with the
// rank span of every edge: an error path from each step to one end node spans the whole graph).
// Linear passes, no recursion: back edges are found by an iterative DFS from the start, ranks by
// longest path over the remaining DAG, order within a rank by a few barycenter sweeps. Long
// edges simply cross ranks; nodes never overlap. Pure.
import type { XY } from "@/lib/workflow/types";

export interface LayoutInput {
  nodes: readonly { id: string; width: number; height: number; isStart?: boolean }[];
  edges: readonly { source: string; target: string }[];
}

export interface Ranking {
  rank: Map<string, number>;
  /** Edges kept for ranking (back edges removed), as index pairs. */
  forward: [number, number][];
}

/** Ranks by longest path after removing the edges that close loops. */
export function rankNodes(input: LayoutInput): Ranking {
  const n = input.nodes.length;
  const index = new Map(input.nodes.map((node, i) => [node.id, i]));
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const e of input.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined && s !== t) out[s].push(t);
  }
  // Iterative DFS, starts first: an edge into a node still on the stack closes a loop.
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const forward: [number, number][] = [];
  const roots = [...input.nodes.keys()].sort((a, b) => Number(Boolean(input.nodes[b].isStart)) - Number(Boolean(input.nodes[a].isStart)));
  for (const root of roots) {
    if (state[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i < out[v].length) {
        top[1]++;
        const w = out[v][i];
        if (state[w] === 1) continue; // back edge
        forward.push([v, w]);
        if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  // Longest path in topological order (Kahn).
  const indegree = new Int32Array(n);
  const next: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t] of forward) {
    indegree[t]++;
    next[s].push(t);
  }
  const rankOf = new Int32Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of next[v]) {
      rankOf[w] = Math.max(rankOf[w], rankOf[v] + 1);
      if (--indegree[w] === 0) queue.push(w);
    }
  }
  return { rank: new Map(input.nodes.map((node, i) => [node.id, rankOf[i]])), forward };
}

/** How many dummy nodes dagre would add for the long edges: a measure of its cost. */
export function spanCost(input: LayoutInput, ranking: Ranking): number {
  let cost = 0;
  for (const e of input.edges) {
    const a = ranking.rank.get(e.source);
    const b = ranking.rank.get(e.target);
    if (a !== undefined && b !== undefined) cost += Math.max(0, Math.abs(b - a) - 1);
  }
  return cost;
}

export function layeredLayout(input: LayoutInput, options: { rankSep: number; nodeSep: number }): Map<string, XY> {
  const { rank, forward } = rankNodes(input);
  const n = input.nodes.length;
  const rankOf = input.nodes.map((node) => rank.get(node.id) ?? 0);
  const layers: number[][] = [];
  input.nodes.forEach((_, i) => (layers[rankOf[i]] ??= []).push(i));
  const preds: number[][] = Array.from({ length: n }, () => []);
  const succs: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t] of forward) {
    preds[t].push(s);
    succs[s].push(t);
  }
  const order = new Float64Array(n);
  const renumber = (layer: number[]) => layer.forEach((v, i) => (order[v] = i));
  layers.forEach((layer) => layer && renumber(layer));
  const sweep = (neighbours: number[][], layerIndexes: number[]) => {
    for (const r of layerIndexes) {
      const layer = layers[r];
      if (!layer) continue;
      const key = new Map(layer.map((v) => [v, neighbours[v].length ? neighbours[v].reduce((sum, u) => sum + order[u], 0) / neighbours[v].length : order[v]]));
      layer.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
      renumber(layer);
    }
  };
  const down = layers.map((_, r) => r);
  const up = [...down].reverse();
  for (let i = 0; i < 3; i++) {
    sweep(preds, down);
    sweep(succs, up);
  }
  const positions = new Map<string, XY>();
  let x = 0;
  for (const layer of layers) {
    if (!layer) continue;
    const width = Math.max(...layer.map((v) => input.nodes[v].width));
    const total = layer.reduce((sum, v) => sum + input.nodes[v].height, 0) + options.nodeSep * (layer.length - 1);
    let y = -total / 2;
    for (const v of layer) {
      positions.set(input.nodes[v].id, { x, y });
      y += input.nodes[v].height + options.nodeSep;
    }
    x += width + options.rankSep;
  }
  return positions;
}
