// Retrying a failed run from the step that failed, on the JSON fixture workflows.
import { describe, expect, it } from "vitest";
import { eventsOfType } from "./events";
import { fixture } from "./fixtures";
import { runToEnd, Simulation } from "./harness";
import { retryFailedRun, retryRefusal } from "./retry-failed";
import { decodeState, encodeState } from "./storage";
import type { StepResult } from "./executor";

const starts = (sim: Simulation, nodeId: string) => eventsOfType(sim.events, "node_start").filter((e) => e.nodeId === nodeId).length;

describe("retryFailedRun", () => {
  it("runs the failed step again on a new attempt and keeps everything before it", async () => {
    let healthy = false;
    const attempts: number[] = [];
    const action = async (ctx: { attempt: number; lastError?: { message: string } }): Promise<StepResult> => {
      attempts.push(ctx.attempt);
      return healthy ? { kind: "ok", output: { id: 7 } } : { kind: "error", error: { message: "503 Service Unavailable" } };
    };
    const sim = new Simulation(fixture("retry"), { amount: 3 }, { stepMs: 0, fakes: { action } });
    await sim.run();
    expect(sim.state.status).toBe("failed");
    expect(sim.state.stopped?.failed).toMatchObject({ nodeId: "fetch", stepId: "fetch#1", attempt: 4 });
    const outputsBefore = sim.state.data.outputs;

    healthy = true;
    const retried = sim.retryFailed("user-1");
    expect(retried.ignored).toBeUndefined();
    expect(sim.state).toMatchObject({ status: "running", retries: 1 });
    expect(sim.state.error).toBeUndefined();
    expect(sim.state.endedAt).toBeUndefined();
    expect(sim.state.stopped).toBeUndefined();
    expect(sim.state.data.outputs).toEqual(outputsBefore);
    expect(sim.state.tokens).toEqual([
      expect.objectContaining({ stepId: "fetch#1", nodeId: "fetch", attempt: 5, state: "ready", lastError: expect.objectContaining({ message: '"Fetch" failed: 503 Service Unavailable' }) }),
    ]);
    expect(retried.events).toEqual([
      expect.objectContaining({ type: "run_retried", retry: 1, nodeId: "fetch", stepId: "fetch#1", by: "user-1", steps: [{ nodeId: "fetch", stepId: "fetch#1", attempt: 5 }], previousError: '"Fetch" failed: 503 Service Unavailable' }),
    ]);

    await sim.run();
    expect(sim.state.status).toBe("completed");
    expect(attempts).toEqual([1, 2, 3, 4, 5]);
    expect(starts(sim, "start")).toBe(1);
    expect(sim.state.nodes.find((n) => n.nodeId === "fetch")?.status).toBe("succeeded");
  });

  it("puts a join's collected branches back, so only the failed branch runs again", async () => {
    const version = { ...fixture("parallel"), settings: { maxRetries: 0 } };
    let healthy = false;
    const script = async (): Promise<StepResult> => (healthy ? { kind: "ok", output: { fixed: true } } : { kind: "error", error: { message: "boom" } });
    // lifo: the "tag" branch finishes and reaches the join before "transform" fails.
    const sim = await runToEnd(version, { amount: 1 }, { script }, { order: "lifo" });
    expect(sim.state.status).toBe("failed");
    expect(sim.state.stopped?.joins).toEqual([expect.objectContaining({ nodeId: "merge", arrivals: [expect.objectContaining({ nodeId: "tag" })] })]);

    healthy = true;
    sim.retryFailed();
    expect(sim.state.joins).toHaveLength(1);
    await sim.run();
    expect(sim.state.status).toBe("completed");
    expect(starts(sim, "tag")).toBe(1);
    expect(starts(sim, "transform")).toBe(2);
    expect(sim.state.output?.value).toMatchObject({ branches: 2 });
  });

  it("gives steps the failure interrupted a new attempt, and leaves not-yet-begun ones as they were", async () => {
    const version = { ...fixture("parallel"), settings: { maxRetries: 0 } };
    const sim = await runToEnd(version, {}, { script: async () => ({ kind: "error", error: { message: "boom" } }) }, { order: "fifo" });
    // fifo: both branches began in one batch, "transform" failed while "tag" was still running.
    expect(sim.state.stopped?.tokens).toEqual([expect.objectContaining({ nodeId: "tag", state: "running", attempt: 1 })]);
    const retried = retryFailedRun(sim.state, version, sim.clock);
    expect(retried.state.tokens.map((t) => [t.stepId, t.attempt, t.state])).toEqual([
      ["transform#1", 2, "ready"],
      ["tag#1", 2, "ready"],
    ]);
  });

  it("refuses runs that did not fail, and runs stopped by the step limit", async () => {
    const done = await runToEnd(fixture("linear-set"), {});
    expect(done.state.status).toBe("completed");
    const refused = retryFailedRun(done.state, done.version, done.clock);
    expect(refused.ignored).toBe("Only a failed run can be retried; this one is completed.");
    expect(refused.state).toBe(done.state);
    expect(refused.events).toEqual([]);

    const looping = await runToEnd({ ...fixture("loop"), settings: { maxSteps: 20 } }, { limit: 1_000 });
    expect(looping.state.error?.code).toBe("step_limit");
    expect(retryRefusal(looping.state)).toMatch(/step limit/);
  });

  it("gives a run that failed at the workflow time limit a fresh time budget", async () => {
    const version = { ...fixture("human-approval"), settings: { timeout: 60 } };
    const sim = await runToEnd(version, { amount: 10 }, { human: async () => ({ kind: "wait", reason: "human" }) });
    expect(sim.waiting()).toHaveLength(1);
    sim.advanceTo(sim.clock + 61_000);
    expect(sim.state.error?.code).toBe("workflow_timeout");
    sim.retryFailed();
    expect(sim.state.status).toBe("running");
    expect(sim.state.deadline).toBe(sim.clock + 60_000);
    expect(sim.state.tokens).toEqual([expect.objectContaining({ state: "ready", attempt: 2 })]);
  });

  it("keeps the stopped steps through storage, user values included", async () => {
    const version = { ...fixture("parallel"), settings: { maxRetries: 0 } };
    const sim = await runToEnd(version, { amount: [[1, 2]], "a.b": 1 }, { script: async () => ({ kind: "error", error: { message: "boom", details: { "$x": [[1]] } } }) }, { order: "lifo" });
    const stored = JSON.parse(JSON.stringify(encodeState(sim.state)));
    expect(decodeState(stored)).toEqual(sim.state);
    expect(JSON.stringify(stored.stopped)).not.toContain("[[");
  });
});
