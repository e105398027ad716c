import { describe, expect, it } from "vitest";
import type { RunEventView } from "@/lib/runtime/contract";
import { applyRunEvent, isLiveRunOver, liveProgress, startLiveRun, type LiveRun } from "./live-run";

let seq = 0;
function ev(type: string, nodeId: string | null, data: Record<string, unknown> = {}, atMs = 1_000 + seq * 10): RunEventView {
  seq += 1;
  return { seq, type, nodeId, stepId: nodeId ? `${nodeId}:s` : null, at: new Date(atMs).toISOString(), data };
}
const fold = (run: LiveRun, events: RunEventView[]) => events.reduce(applyRunEvent, run);

describe("live run on the canvas", () => {
  it("moves nodes from pending to running to succeeded with durations, and ends with the run", () => {
    seq = 0;
    const run = fold(startLiveRun("r1", "test", ["start", "check", "end"]), [
      ev("workflow_start", null),
      ev("node_start", "start", {}, 1_000),
      ev("node_complete", "start", { durationMs: 3, next: ["check"] }),
      ev("node_start", "check", {}, 2_000),
    ]);
    expect(run.status).toBe("running");
    expect(run.nodes.get("start")).toMatchObject({ status: "succeeded", durationMs: 3, runs: 1 });
    expect(run.nodes.get("check")).toMatchObject({ status: "running", startedAt: 2_000 });
    expect(run.nodes.get("end")?.status).toBe("pending");
    const done = fold(run, [ev("node_complete", "check", { next: ["end"] }, 2_250), ev("node_start", "end"), ev("node_complete", "end", { durationMs: 1 }), ev("workflow_complete", null)]);
    expect(done.nodes.get("check")?.durationMs).toBe(250);
    expect(done.status).toBe("completed");
    expect(isLiveRunOver(done)).toBe(true);
    expect(liveProgress(done)).toEqual({ done: 3, total: 3 });
  });

  it("shows waiting, retrying, failed and skipped nodes with their reasons", () => {
    seq = 0;
    const run = fold(startLiveRun("r2", "published", ["a", "b", "c", "d"]), [
      ev("node_start", "a"),
      ev("node_waiting", "a", { reason: "Waiting for a human task" }),
    ]);
    expect(run.status).toBe("paused");
    expect(run.nodes.get("a")).toMatchObject({ status: "waiting", note: "Waiting for a human task" });
    const later = fold(run, [
      ev("human_approval", "a", { by: "u1", outcome: "ok" }),
      ev("node_complete", "a", { next: ["b"] }),
      ev("node_start", "b"),
      ev("node_error", "b", { outcome: "retry", error: { message: "HTTP 503" } }),
    ]);
    expect(later.status).toBe("running");
    expect(later.nodes.get("b")).toMatchObject({ status: "retrying", note: "HTTP 503" });
    const failed = fold(later, [
      ev("node_start", "b"),
      ev("node_error", "b", { outcome: "fail", error: { message: "HTTP 500" } }),
      ev("node_skipped", null, { nodeIds: ["c", "d"] }),
      ev("workflow_failed", null, { error: { message: "Step b failed: HTTP 500" } }),
    ]);
    expect(failed.nodes.get("b")).toMatchObject({ status: "failed", runs: 2, note: "HTTP 500" });
    expect(failed.nodes.get("c")?.status).toBe("skipped");
    expect(failed.status).toBe("failed");
    expect(failed.error).toBe("Step b failed: HTTP 500");
  });

  it("ignores an event it has already applied (a reconnect repeats nothing) and keeps untouched nodes by reference", () => {
    seq = 0;
    const start = startLiveRun("r3", "test", ["a", "b"]);
    const first = ev("node_start", "a");
    const once = applyRunEvent(start, first);
    expect(applyRunEvent(once, first)).toBe(once);
    expect(once.nodes.get("b")).toBe(start.nodes.get("b"));
  });
});
