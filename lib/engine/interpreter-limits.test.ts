// Loops and the step limit, retries with backoff, error outputs, timeouts, cancel, replays.
import { describe, expect, it } from "vitest";
import { eventsOfType } from "./events";
import { fixture } from "./fixtures";
import { HANG, runToEnd, Simulation, SIMULATION_START } from "./harness";
import { applyStepResult, beginStep, cancelRun, nextSteps, startRun } from "./interpreter";
import { RETRY_BASE_DELAY_MS, retryDelayMs } from "./retries";

describe("loops", () => {
  it("goes round a loop through a decision until its condition flips", async () => {
    const sim = await runToEnd(fixture("loop"), { limit: 5 });
    expect(sim.state.output?.value).toEqual({ count: 5 });
    expect(sim.state.nodes.find((n) => n.nodeId === "increment")).toMatchObject({ activations: 5, runs: 5, lastStepId: "increment#5" });
    expect(sim.state.stepCount).toBe(3 + 5 * 2 + 1 - 1);
  });

  it("fails a runaway loop at the step limit, naming the loop's nodes", async () => {
    const version = { ...fixture("loop"), settings: { maxSteps: 50 } };
    const sim = await runToEnd(version, { limit: 1_000_000 });
    expect(sim.state.status).toBe("failed");
    expect(sim.state.stepCount).toBe(50);
    expect(sim.state.error).toEqual({
      code: "step_limit",
      message:
        'The run was stopped after 50 steps: the workflow allows at most 50, and it kept going round the loop through "Increment" and "Again". ' +
        "Make sure the loop's decision can end it, or raise \"Max steps\" in the workflow settings.",
      nodeIds: ["increment", "again"],
    });
    expect(sim.events.at(-1)).toMatchObject({ type: "workflow_failed" });
    expect(eventsOfType(sim.events, "node_cancelled")).toEqual([expect.objectContaining({ nodeId: "increment", stepId: "increment#25", was: "ready", reason: "the run failed" })]);
  });

  it("applies the default limit of 1,000 steps", async () => {
    const version = { ...fixture("loop"), settings: {} };
    const sim = await runToEnd(version, { limit: 1e9 });
    expect(sim.state.error?.code).toBe("step_limit");
    expect(sim.state.stepCount).toBe(1_000);
  });
});

describe("retries", () => {
  it("doubles the delay after each failed attempt", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(30)).toBe(5 * 60_000);
  });

  it("retries with backoff up to the node's retries, then fails the run", async () => {
    const attempts: number[] = [];
    const sim = new Simulation(fixture("retry"), {}, {
      stepMs: 0,
      fakes: { action: async (ctx) => (attempts.push(ctx.now), { kind: "error", error: { message: "503 Service Unavailable" } }) },
    });
    await sim.run();
    expect(attempts).toEqual([0, 1_000, 3_000, 7_000].map((d) => SIMULATION_START + d));
    const errors = eventsOfType(sim.events, "node_error");
    expect(errors.map((e) => [e.attempt, e.outcome, e.retryAt])).toEqual([
      [1, "retry", SIMULATION_START + RETRY_BASE_DELAY_MS],
      [2, "retry", SIMULATION_START + 3_000],
      [3, "retry", SIMULATION_START + 7_000],
      [4, "fail", undefined],
    ]);
    expect(sim.state.status).toBe("failed");
    expect(sim.state.error).toMatchObject({ message: '"Fetch" failed: 503 Service Unavailable', nodeId: "fetch", stepId: "fetch#1" });
  });

  it("schedules the retry and shows the last error to the next attempt", async () => {
    const sim = new Simulation(fixture("retry"), {}, { stepMs: 0, fakes: { action: async () => ({ kind: "error", error: { message: "timeout" } }) } });
    await sim.runBatch();
    await sim.runBatch();
    expect(sim.state.wakeAt).toBe(SIMULATION_START + 1_000);
    expect(sim.state.status).toBe("running");
    expect(nextSteps(sim.state, sim.version, SIMULATION_START + 999)).toEqual([]);
    expect(nextSteps(sim.state, sim.version, SIMULATION_START + 1_000)[0]).toMatchObject({ stepId: "fetch#1", attempt: 2, lastError: { message: "timeout" } });
  });

  it("uses the workflow's maxRetries when the node sets none, and skips retries for non-retryable errors", async () => {
    const version = fixture("retry");
    delete version.nodes[1].data.config.retries;
    let calls = 0;
    const fail = (retryable: boolean) => async () => (calls++, { kind: "error" as const, error: { message: "no" }, retryable });
    await runToEnd(version, {}, { action: fail(true) });
    expect(calls).toBe(2);
    calls = 0;
    await runToEnd(version, {}, { action: fail(false) });
    expect(calls).toBe(1);
  });

  it("waits longer when the error asks for it (Retry-After), never shorter than the backoff", async () => {
    const answers = [30_000, 10];
    const sim = new Simulation(fixture("retry"), {}, {
      stepMs: 0,
      fakes: { action: async () => ({ kind: "error", error: { message: "429" }, retryAfterMs: answers.shift() }) },
    });
    await sim.run();
    expect(eventsOfType(sim.events, "node_error").map((e) => e.retryAt)).toEqual([
      SIMULATION_START + 30_000,
      SIMULATION_START + 30_000 + 2_000,
      SIMULATION_START + 36_000,
      undefined,
    ]);
  });

  it("succeeds on a later attempt", async () => {
    let calls = 0;
    const sim = await runToEnd(fixture("retry"), {}, {
      action: async () => (++calls < 3 ? { kind: "error", error: { message: "429" } } : { kind: "ok", handle: "success", output: { ok: true } }),
    });
    expect(sim.state.status).toBe("completed");
    expect(sim.state.nodes.find((n) => n.nodeId === "fetch")).toMatchObject({ runs: 1, status: "succeeded" });
  });
});

describe("time limits", () => {
  it("fails a hung step at its node time limit (then retries or fails like any error)", async () => {
    const sim = await runToEnd(fixture("timeouts"), {}, { action: () => HANG });
    expect(sim.state.status).toBe("failed");
    expect(sim.state.error).toMatchObject({ code: "node_timeout", message: '"Fetch" failed: did not finish within its time limit of 500 ms' });
    // The start step took 10 ms, so the call began at +10 and timed out at +510.
    expect(sim.clock).toBe(SIMULATION_START + 510);
  });

  it("ignores the hung executor's late answer once the attempt has timed out", async () => {
    const version = { ...fixture("timeouts"), settings: { timeout: 60, maxRetries: 1 } };
    const sim = new Simulation(version, {}, { stepMs: 0, fakes: { action: () => HANG } });
    await sim.runBatch();
    await sim.runBatch();
    sim.advanceTo(SIMULATION_START + 500);
    expect(sim.state.tokens[0]).toMatchObject({ stepId: "fetch#1", attempt: 2, state: "ready", lastError: { code: "node_timeout" } });
    const late = applyStepResult(sim.state, version, { stepId: "fetch#1", attempt: 1 }, { kind: "ok", handle: "success" }, SIMULATION_START + 600);
    expect(late.ignored).toBe("Step fetch#1 is on attempt 2; a result for attempt 1 is stale");
  });

  it("fails the run at the workflow time limit, cancelling the waiting human task", async () => {
    const sim = await runToEnd(fixture("timeouts"), {}, {
      action: async () => ({ kind: "ok", handle: "success" }),
      human: async () => ({ kind: "wait", reason: "human" }),
    });
    expect(sim.state.status).toBe("paused");
    expect(sim.state.wakeAt).toBe(SIMULATION_START + 60_000);
    sim.advanceTo(SIMULATION_START + 60_000);
    expect(sim.state.status).toBe("failed");
    expect(sim.state.error).toEqual({ code: "workflow_timeout", message: "The run did not finish within the workflow's time limit of 60 seconds" });
    expect(eventsOfType(sim.events, "node_cancelled")).toEqual([expect.objectContaining({ nodeId: "review", was: "waiting", waitReason: "human" })]);
  });
});

describe("cancel", () => {
  it("cancels a paused run and frees its waiting step", async () => {
    const sim = await runToEnd(fixture("human-approval"), {}, { human: async () => ({ kind: "wait", reason: "human" }) });
    const t = sim.cancel("no longer needed", "user-1");
    expect(sim.state).toMatchObject({ status: "cancelled", tokens: [], endedAt: sim.clock });
    expect(t.events).toEqual([
      expect.objectContaining({ type: "node_cancelled", nodeId: "review", was: "waiting", waitReason: "human" }),
      { type: "workflow_cancelled", at: sim.clock, reason: "no longer needed", by: "user-1" },
    ]);
    expect(sim.resume("review#1", { kind: "ok", handle: "approve" }).ignored).toMatch(/already ended \(cancelled\)/);
  });

  it("cancels a running run; the step's late result is ignored", async () => {
    const version = fixture("retry");
    const started = startRun(version, {}, 0, { runId: "r" });
    if (!started.ok) throw new Error(started.message);
    let state = started.state;
    for (const step of nextSteps(state, version, 0)) state = applyStepResult(state, version, step, { kind: "ok" }, 1).state;
    state = beginStep(state, version, "fetch#1", 2).state;
    expect(state.status).toBe("running");
    const cancelled = cancelRun(state, version, 3);
    expect(cancelled.state.status).toBe("cancelled");
    expect(cancelled.events[0]).toMatchObject({ type: "node_cancelled", stepId: "fetch#1", was: "running" });
    const late = applyStepResult(cancelled.state, version, { stepId: "fetch#1", attempt: 1 }, { kind: "ok", handle: "success" }, 4);
    expect(late.ignored).toMatch(/already ended/);
    expect(late.state).toBe(cancelled.state);
  });

  it("refuses to cancel a finished run with a clear message, changing nothing", async () => {
    const sim = await runToEnd(fixture("linear-set"), {});
    const before = sim.state;
    const t = sim.cancel();
    expect(t.ignored).toBe("The run has already completed; nothing was cancelled");
    expect(t.state).toBe(before);
    expect(t.events).toEqual([]);
  });
});

describe("replays", () => {
  it("ignores a result applied twice, and a result for an old attempt", async () => {
    const version = fixture("retry");
    const started = startRun(version, {}, 0, { runId: "r" });
    if (!started.ok) throw new Error(started.message);
    const [step] = nextSteps(started.state, version, 0);
    const once = applyStepResult(started.state, version, step, { kind: "ok" }, 1);
    const twice = applyStepResult(once.state, version, step, { kind: "ok" }, 2);
    expect(twice.ignored).toBe("Step start#1 is not active: its result was already recorded, or it was cancelled");
    expect(twice.state).toBe(once.state);
    const [fetch] = nextSteps(once.state, version, 1);
    const failed = applyStepResult(once.state, version, fetch, { kind: "error", error: { message: "x" } }, 2);
    expect(applyStepResult(failed.state, version, fetch, { kind: "ok", handle: "success" }, 3).ignored).toBe(
      "Step fetch#1 is on attempt 2; a result for attempt 1 is stale",
    );
  });

  it("returns a begun but unfinished step again to a worker taking over, flagged as a replay", async () => {
    const version = fixture("retry");
    const started = startRun(version, {}, 0, { runId: "r" });
    if (!started.ok) throw new Error(started.message);
    const begun = beginStep(started.state, version, "start#1", 1).state;
    expect(nextSteps(begun, version, 2)).toEqual([]);
    const [again] = nextSteps(begun, version, 2, { includeStarted: true });
    expect(again).toMatchObject({ stepId: "start#1", attempt: 1, replay: true });
    expect(beginStep(begun, version, "start#1", 3).events).toEqual([{ type: "node_start", at: 3, nodeId: "start", stepId: "start#1", attempt: 1, replay: true }]);
  });
});
