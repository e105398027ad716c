// Linear-time graph algorithms over adjacency lists of node indexes. Iterative, not
// recursive: a generated 10,000-node chain must not overflow the call stack.

export type Adjacency = readonly (readonly number[])[];

/** Marks every node reachable from the seeds (seeds included). */
export function reachableFrom(adjacency: Adjacency, seeds: readonly number[]): Uint8Array {
  const seen = new Uint8Array(adjacency.length);
  const queue: number[] = [];
  for (const s of seeds) {
    if (!seen[s]) {
      seen[s] = 1;
      queue.push(s);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const next of adjacency[queue[head]]) {
      if (!seen[next]) {
        seen[next] = 1;
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * Tarjan's strongly connected components over the nodes for which `include` is true,
 * keeping only the components that contain a cycle: two or more nodes, or a self-loop.
 */
export function cyclicComponents(adjacency: Adjacency, include: (node: number) => boolean): number[][] {
  const count = adjacency.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const nextEdge = new Int32Array(count);
  const stack: number[] = [];
  const calls: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  const enter = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    calls.push(v);
  };

  for (let root = 0; root < count; root++) {
    if (index[root] !== -1 || !include(root)) continue;
    enter(root);
    while (calls.length > 0) {
      const v = calls[calls.length - 1];
      const edges = adjacency[v];
      if (nextEdge[v] < edges.length) {
        const w = edges[nextEdge[v]++];
        if (!include(w)) continue;
        if (index[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const parent = calls[calls.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.includes(v)) components.push(component.reverse());
    }
  }
  return components;
}
