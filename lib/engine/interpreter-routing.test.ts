// Routing of every node type, on the JSON fixture workflows with fake executors.
import { describe, expect, it } from "vitest";
import { eventsOfType } from "./events";
import { fixture, fixtureNames } from "./fixtures";
import { runToEnd, Simulation, SIMULATION_START } from "./harness";
import { validateWorkflow } from "./validate";

const statusOf = (sim: Simulation, nodeId: string) => sim.state.nodes.find((n) => n.nodeId === nodeId)?.status;

describe("fixtures", () => {
  it.each(fixtureNames)("%s is a valid workflow", (name) => {
    expect(validateWorkflow(fixture(name)).filter((p) => p.severity === "error")).toEqual([]);
  });
});

describe("start, set and end", () => {
  it("evaluates assignments in order and builds the run output", async () => {
    const sim = await runToEnd(fixture("linear-set"), { amount: 5 });
    expect(sim.state.status).toBe("completed");
    expect(sim.state.output).toEqual({ nodeId: "done", value: { total: 10, doubled: 11, seen: 5 } });
    expect(sim.state.data.variables).toEqual([{ name: "total", value: 10 }, { name: "doubled", value: 11 }]);
    const steps = ["start", "compute", "done"].flatMap((id) => [`node_start ${id}`, `node_complete ${id}`]);
    expect(sim.events.map((e) => `${e.type}${"nodeId" in e ? ` ${e.nodeId}` : ""}`)).toEqual(["workflow_start", ...steps, "workflow_complete"]);
    expect(eventsOfType(sim.events, "workflow_complete")[0]).toMatchObject({ output: { total: 10 }, endNodeId: "done" });
  });

  it("starts pending, with the start step ready and nothing logged", async () => {
    const sim = new Simulation(fixture("linear-set"), { amount: 1 });
    expect(sim.state.status).toBe("pending");
    expect(sim.state.tokens).toEqual([{ stepId: "start#1", nodeId: "start", attempt: 1, state: "ready", createdAt: SIMULATION_START }]);
    expect(sim.events).toEqual([]);
  });
});

describe("decision", () => {
  it.each([
    [5_000, "mark-big", "big"],
    [500, "mark-medium", "medium"],
    [5, "mark-small", "small"],
  ])("amount %i takes %s", async (amount, node, size) => {
    const sim = await runToEnd(fixture("decision"), { amount });
    expect(sim.state.output?.value).toEqual({ size });
    expect(sim.path()).toEqual(["start", "size", node, "done"]);
  });

  it("reports the branches not taken as skipped as soon as the decision is made", async () => {
    const sim = await runToEnd(fixture("decision"), { amount: 500 });
    const decided = sim.events.findIndex((e) => e.type === "node_complete" && e.nodeId === "size");
    expect(sim.events[decided]).toMatchObject({ handle: "medium", next: ["mark-medium"] });
    expect(sim.events[decided + 1]).toEqual({ type: "node_skipped", at: expect.any(Number), nodeIds: ["mark-big", "mark-small"] });
    expect(statusOf(sim, "mark-big")).toBe("skipped");
    expect(statusOf(sim, "mark-medium")).toBe("succeeded");
  });
});

describe("parallel", () => {
  it.each(["fifo", "lifo"] as const)("splits, then joins when both branches arrive (%s)", async (order) => {
    const sim = await runToEnd(fixture("parallel"), { amount: 1 }, { transform: async () => ({ kind: "ok", output: { doubled: 2 } }) }, { order });
    expect(sim.state.status).toBe("completed");
    expect(sim.state.output?.value).toEqual({ branches: 2, from: ["transform", "tag"] });
    expect(eventsOfType(sim.events, "join_waiting")).toEqual([expect.objectContaining({ nodeId: "merge", arrived: 1, expected: 2 })]);
    const merge = eventsOfType(sim.events, "node_complete").find((e) => e.nodeId === "merge");
    expect(merge?.output).toEqual([{ nodeId: "transform", output: { doubled: 2 } }, { nodeId: "tag", output: { amount: 1 } }]);
  });

  it("runs split branches side by side: both are returned as one batch", async () => {
    const sim = new Simulation(fixture("parallel"), {}, { fakes: { transform: async () => ({ kind: "ok" }) } });
    await sim.runBatch();
    await sim.runBatch();
    expect(sim.state.tokens.map((t) => t.nodeId)).toEqual(["transform", "tag"]);
    // One copy of the input for both branches: the tokens point at the split's output.
    expect(sim.state.tokens.every((t) => t.input === undefined && t.from?.nodeId === "fork")).toBe(true);
  });

  it("nests splits and joins", async () => {
    const sim = await runToEnd(fixture("parallel-nested"), {}, {}, { order: "lifo" });
    expect(sim.state.status).toBe("completed");
    expect(sim.state.output?.value).toEqual({ sum: 6, inner: 2 });
    expect(sim.path().indexOf("inner-join")).toBeLessThan(sim.path().indexOf("outer-join"));
  });

  it("joins again on every round of a loop, with step ids counting the rounds", async () => {
    const sim = await runToEnd(fixture("parallel-loop"), {}, {}, { order: "lifo" });
    expect(sim.state.output?.value).toEqual({ rounds: 3, joined: 2 });
    const joins = eventsOfType(sim.events, "node_complete").filter((e) => e.nodeId === "merge");
    expect(joins.map((e) => e.stepId)).toEqual(["merge#1", "merge#2", "merge#3"]);
    expect(joins[0].output).toEqual([{ nodeId: "left", output: {} }, { nodeId: "right", output: {} }]);
    // set and decision pass their input on, so round 2's branches received round 1's join output.
    expect(joins[1].output).toEqual([{ nodeId: "left", output: joins[0].output }, { nodeId: "right", output: joins[0].output }]);
    expect(sim.state.joins).toEqual([]);
  });

  it("fires a join with the branches it has when the others went another way", async () => {
    const sim = await runToEnd(fixture("join-bypass"), { amount: 1 });
    expect(sim.state.status).toBe("completed");
    expect(sim.path()).toEqual(["start", "fork", "a", "check", "early", "merge", "done"]);
    expect(sim.state.output).toEqual({ nodeId: "done", value: { branches: 1 } });
  });

  it("joins both branches when the decision leads into the join", async () => {
    const sim = await runToEnd(fixture("join-bypass"), { amount: 500 });
    expect(sim.state.output).toEqual({ nodeId: "done", value: { branches: 2 } });
    expect(statusOf(sim, "early")).toBe("skipped");
  });
});

describe("human task", () => {
  const humanFake = async () => ({ kind: "wait" as const, reason: "human" });

  it("pauses until approved, then takes the approve output", async () => {
    const sim = await runToEnd(fixture("human-approval"), { item: "laptop" }, { human: humanFake });
    expect(sim.state.status).toBe("paused");
    expect(sim.waiting()).toEqual([expect.objectContaining({ stepId: "review#1", wait: { reason: "human", since: expect.any(Number) } })]);
    expect(eventsOfType(sim.events, "node_waiting")).toEqual([expect.objectContaining({ nodeId: "review", reason: "human" })]);
    expect(sim.state.wakeAt).toBeUndefined();
    sim.resume("review#1", { kind: "ok", handle: "approve", output: { comment: "fine" } });
    await sim.run();
    expect(sim.state.output?.value).toEqual({ outcome: "approved", comment: "fine" });
    expect(statusOf(sim, "rejected")).toBe("skipped");
  });

  it("takes the reject output, resumed by node id", async () => {
    const sim = await runToEnd(fixture("human-approval"), {}, { human: humanFake });
    sim.resume("review", { kind: "ok", handle: "reject", output: {} });
    await sim.run();
    expect(sim.state.output?.value).toEqual({ outcome: "rejected" });
  });

  it("ignores a second answer to the same task", async () => {
    const sim = await runToEnd(fixture("human-approval"), {}, { human: humanFake });
    sim.resume("review#1", { kind: "ok", handle: "reject" });
    const again = sim.resume("review#1", { kind: "ok", handle: "approve" });
    expect(again.ignored).toMatch(/Nothing is waiting at review#1/);
    expect(again.events).toEqual([]);
  });

  it("fails the run when the answer names no output of a node with two", async () => {
    const sim = await runToEnd(fixture("human-approval"), {}, { human: humanFake });
    sim.resume("review#1", { kind: "ok", output: {} });
    expect(sim.state.status).toBe("failed");
    expect(sim.state.error?.message).toBe('"Review" finished without choosing one of its outputs ("Approve", "Reject")');
  });
});

describe("timer", () => {
  it("waits for its delay, then continues with its input", async () => {
    const sim = new Simulation(fixture("timer"), { item: "x" }, { fakes: { notification: async () => ({ kind: "ok", output: { sent: 1 } }) } });
    await sim.runBatch();
    await sim.runBatch();
    expect(sim.state.status).toBe("paused");
    const set = eventsOfType(sim.events, "timer_set")[0];
    // The executor ran at the step's start; the event is stamped when its result was applied.
    expect(set).toMatchObject({ nodeId: "pause", reason: "timer", wakeAt: set.at - 10 + 60_000 });
    expect(sim.state.wakeAt).toBe(set.wakeAt);
    expect(sim.advanceTo(set.wakeAt - 1).ignored).toBe("Nothing is due");
    await sim.run();
    expect(sim.state.status).toBe("completed");
    expect(sim.state.output?.value).toEqual({ woke: set.wakeAt + 10 });
  });

  it("waits until a time computed from the input", async () => {
    const wakeAt = "2026-01-02T00:00:00.000Z";
    const sim = await runToEnd(fixture("timer-until"), { wakeAt });
    expect(sim.state.output?.value).toEqual({ woke: wakeAt });
    expect(eventsOfType(sim.events, "timer_set")[0].wakeAt).toBe(Date.parse(wakeAt));
  });

  it("fails clearly when the computed time is not a time", async () => {
    const sim = await runToEnd(fixture("timer-until"), { wakeAt: "soon" });
    expect(sim.state.status).toBe("failed");
    expect(sim.state.error?.message).toBe('"Pause" failed: the wake-up time must be an ISO date-time or epoch milliseconds, but `$input.wakeAt` gave "soon"');
  });
});

describe("executor nodes", () => {
  const fakes = {
    action: async () => ({ kind: "ok" as const, handle: "success", output: { status: 200, body: { id: 7 } } }),
    ai: async (ctx: { expressions: { render(t: string): Promise<string> }; config: Record<string, unknown> }) => ({
      kind: "ok" as const,
      output: `answer to: ${await ctx.expressions.render(String(ctx.config.promptTemplate))}`,
    }),
    script: async (ctx: { input: unknown }) => ({ kind: "ok" as const, output: ctx.input }),
    notification: async () => ({ kind: "ok" as const, output: { delivered: 1 } }),
  };

  it("runs HTTP, AI, script and notification through their executors", async () => {
    const sim = await runToEnd(fixture("integrations"), { id: 7, item: "invoice" }, fakes);
    expect(sim.path()).toEqual(["start", "fetch", "ask", "transform", "notify", "done"]);
    expect(sim.state.output?.value).toEqual({ answer: "answer to: Classify invoice" });
    expect(statusOf(sim, "handle-error")).toBe("skipped");
  });

  it("gives executors a stable step id and an idempotency key", async () => {
    const seen: string[] = [];
    await runToEnd(fixture("integrations"), { id: 1 }, {
      ...fakes,
      action: async (ctx) => {
        seen.push(`${ctx.stepId} ${ctx.idempotencyKey} ${ctx.attempt}`);
        return { kind: "ok", handle: "success" };
      },
    });
    expect(seen).toEqual(["fetch#1 run-1:fetch#1:1 1"]);
  });

  it("takes the error output when the HTTP call fails, instead of failing the run", async () => {
    const failing = { ...fakes, action: async () => ({ kind: "error" as const, error: { message: "connection refused" }, retryable: false }) };
    const sim = await runToEnd(fixture("integrations"), { id: 1 }, failing);
    expect(sim.state.status).toBe("completed");
    expect(sim.path()).toEqual(["start", "fetch", "handle-error", "done"]);
    expect(sim.state.output?.value).toEqual({ failure: "connection refused" });
    expect(eventsOfType(sim.events, "node_error")).toEqual([
      expect.objectContaining({ nodeId: "fetch", outcome: "error_output", next: ["handle-error"], error: { message: "connection refused", nodeId: "fetch" } }),
    ]);
  });
});

describe("subprocess", () => {
  const startChild = async () => ({ kind: "wait" as const, reason: "subprocess" });

  it("waits for the child run and continues with its output", async () => {
    const sim = await runToEnd(fixture("subprocess"), { item: "a" }, { subprocess: startChild });
    expect(sim.waiting()[0]).toMatchObject({ nodeId: "child", wait: { reason: "subprocess" } });
    sim.resume("child#1", { kind: "ok", output: { total: 3 } });
    await sim.run();
    expect(sim.state.output).toEqual({ nodeId: "done", value: { child: { total: 3 } } });
  });

  it("takes the error output when the child run fails", async () => {
    const sim = await runToEnd(fixture("subprocess"), {}, { subprocess: startChild });
    sim.resume("child#1", { kind: "error", error: { message: "the child run failed" }, retryable: false });
    await sim.run();
    expect(sim.state.output).toEqual({ nodeId: "child-failed", value: { failed: "the child run failed" } });
  });
});
