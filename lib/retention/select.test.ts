import { describe, expect, it } from "vitest";
import { selectForPruning, type FinishedRun, type Watermarks } from "./select";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 12);
const none: Watermarks = { prunedThrough: null, workflows: new Map() };
const run = (runId: string, workflowId: string, daysAgo: number): FinishedRun => ({ runId, workflowId, endedAt: NOW - daysAgo * DAY });

describe("selectForPruning", () => {
  it("prunes runs that ended before the age limit, oldest first, and keeps the rest", () => {
    const runs = [run("r1", "w", 10), run("r2", "w", 45), run("r3", "w", 31), run("r4", "w", 29.9)];
    const { candidates, next } = selectForPruning(runs, { keepDays: 30, keepPerWorkflow: null }, NOW, none);
    expect(candidates.map((c) => [c.runId, c.reason, c.limit])).toEqual([
      ["r2", "age", 30],
      ["r3", "age", 30],
    ]);
    expect(next.prunedThrough).toBe(NOW - 30 * DAY);
    expect(next.workflows.size).toBe(0);
  });

  it("a run that ended exactly at the limit is pruned", () => {
    const { candidates } = selectForPruning([run("r1", "w", 30)], { keepDays: 30, keepPerWorkflow: null }, NOW, none);
    expect(candidates.map((c) => c.runId)).toEqual(["r1"]);
  });

  it("keeps the newest N of each workflow and remembers where each workflow's pruned runs end", () => {
    const runs = [run("a1", "a", 1), run("a2", "a", 2), run("a3", "a", 3), run("a4", "a", 4), run("b1", "b", 5), run("b2", "b", 6)];
    const { candidates, next } = selectForPruning(runs, { keepDays: 30, keepPerWorkflow: 2 }, NOW, none);
    expect(candidates.map((c) => [c.runId, c.reason, c.limit])).toEqual([
      ["a4", "count", 2],
      ["a3", "count", 2],
    ]);
    expect(next.workflows.get("a")).toBe(NOW - 3 * DAY);
    expect(next.workflows.has("b")).toBe(false);
  });

  it("names age as the reason when both limits apply", () => {
    const runs = [run("n", "w", 1), run("old", "w", 40)];
    const { candidates } = selectForPruning(runs, { keepDays: 30, keepPerWorkflow: 1 }, NOW, none);
    expect(candidates).toMatchObject([{ runId: "old", reason: "age", limit: 30 }]);
  });

  it("offers nothing again once the watermarks of a finished pass are kept", () => {
    const runs = [run("a1", "a", 1), run("a2", "a", 2), run("a3", "a", 3), run("old", "a", 50)];
    const policy = { keepDays: 30, keepPerWorkflow: 2 };
    const first = selectForPruning(runs, policy, NOW, none);
    expect(first.candidates.map((c) => c.runId)).toEqual(["old", "a3"]);
    const second = selectForPruning(runs.filter((r) => r.endedAt > first.next.prunedThrough), policy, NOW + 60_000, first.next);
    expect(second.candidates).toEqual([]);
    // A new run pushes the next one past the count, and only that one.
    const third = selectForPruning([...runs, run("a0", "a", 0)], policy, NOW + 120_000, second.next);
    expect(third.candidates.map((c) => c.runId)).toEqual(["a2"]);
  });

  it("breaks ties in end time by run id, so the same runs are cut every time", () => {
    const runs = [run("x", "w", 1), run("y", "w", 1), run("z", "w", 1)];
    const a = selectForPruning(runs, { keepDays: 30, keepPerWorkflow: 2 }, NOW, none);
    const b = selectForPruning([...runs].reverse(), { keepDays: 30, keepPerWorkflow: 2 }, NOW, none);
    expect(a.candidates.map((c) => c.runId)).toEqual(["x"]);
    expect(b.candidates).toEqual(a.candidates);
  });

  it("a raised day limit never moves the age watermark back", () => {
    const seen: Watermarks = { prunedThrough: NOW - 7 * DAY, workflows: new Map([["w", NOW - 8 * DAY], ["v", NOW - 2 * DAY]]) };
    const { candidates, next } = selectForPruning([run("r", "w", 3)], { keepDays: 30, keepPerWorkflow: null }, NOW, seen);
    expect(candidates).toEqual([]);
    expect(next.prunedThrough).toBe(NOW - 7 * DAY);
    expect([...next.workflows]).toEqual([["v", NOW - 2 * DAY]]);
  });
});
