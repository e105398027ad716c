import { describe, expect, it } from "vitest";
import { cyclicComponents, reachableFrom } from "./graph-algorithms";

const sorted = (components: number[][]) => components.map((c) => [...c].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);

describe("reachableFrom", () => {
  it("marks what the seeds reach", () => {
    const adjacency = [[1], [2], [], [0]];
    expect([...reachableFrom(adjacency, [0])]).toEqual([1, 1, 1, 0]);
    expect([...reachableFrom(adjacency, [3])]).toEqual([1, 1, 1, 1]);
    expect([...reachableFrom(adjacency, [])]).toEqual([0, 0, 0, 0]);
  });
});

describe("cyclicComponents", () => {
  it("finds loops, including self-loops, and ignores acyclic parts", () => {
    // 0 → 1 → 2 → 0 is a loop; 3 → 3 is a self-loop; 4 → 5 is not a loop.
    const adjacency = [[1], [2], [0, 3], [3, 4], [5], []];
    expect(sorted(cyclicComponents(adjacency, () => true))).toEqual([[0, 1, 2], [3]]);
  });

  it("breaks loops through excluded nodes", () => {
    const adjacency = [[1], [2], [0]];
    expect(cyclicComponents(adjacency, (v) => v !== 1)).toEqual([]);
  });

  it("separates two loops joined by a one-way edge", () => {
    const adjacency = [[1], [0, 2], [3], [2]];
    expect(sorted(cyclicComponents(adjacency, () => true))).toEqual([[0, 1], [2, 3]]);
  });

  it("handles a 20,000-node chain and ring without deep recursion", () => {
    const n = 20_000;
    const chain = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : []));
    expect(cyclicComponents(chain, () => true)).toEqual([]);
    const ring = Array.from({ length: n }, (_, i) => [(i + 1) % n]);
    expect(cyclicComponents(ring, () => true)[0]).toHaveLength(n);
  });
});
