// "Run from here": the starting point picked out of a past run, and a run that starts there.
import { describe, expect, it } from "vitest";
import type { ExecutorContext } from "./executor";
import { eventsOfType } from "./events";
import { fixture } from "./fixtures";
import { Simulation } from "./harness";
import { startingPointIn, startRunFrom, type PastRun } from "./start-from";

const past: PastRun = {
  runId: "run-past",
  input: { amount: 42 },
  variables: [{ name: "region", value: "eu" }],
  steps: [
    { nodeId: "start", stepId: "start#1", status: "succeeded", input: { value: { amount: 42 } }, output: { value: { amount: 42 } } },
    { nodeId: "fetch", stepId: "fetch#1", status: "succeeded", input: { value: { amount: 42 } }, output: { value: { status: 200, body: { id: 7 } } } },
    { nodeId: "ask", stepId: "ask#1", status: "succeeded", input: { value: { status: 200 } }, output: { value: { text: "hello" } } },
    { nodeId: "transform", stepId: "transform#1", status: "failed", input: { value: { text: "hello" } } },
  ],
};

describe("startingPointIn", () => {
  it("takes the node's recorded input and the outputs of the steps that ended before it", () => {
    const found = startingPointIn(past, "transform");
    expect(found).toEqual({
      ok: true,
      point: {
        fromRunId: "run-past",
        nodeId: "transform",
        stepInput: { text: "hello" },
        runInput: { amount: 42 },
        variables: [{ name: "region", value: "eu" }],
        outputs: [
          { nodeId: "start", stepId: "start#1", output: { amount: 42 } },
          { nodeId: "fetch", stepId: "fetch#1", output: { status: 200, body: { id: 7 } } },
          { nodeId: "ask", stepId: "ask#1", output: { text: "hello" } },
        ],
      },
    });
  });

  it("leaves out what happened after the chosen step", () => {
    const found = startingPointIn(past, "ask");
    expect(found.ok && found.point.outputs.map((o) => o.nodeId)).toEqual(["start", "fetch"]);
  });

  it("says so when the node never ran there, or its input was not kept", () => {
    expect(startingPointIn(past, "notify")).toEqual({ ok: false, message: expect.stringContaining('"notify" did not run in that run') });
    const trimmed = { ...past, steps: [{ ...past.steps[2], input: undefined }] };
    expect(startingPointIn(trimmed, "ask")).toEqual({ ok: false, message: expect.stringContaining("did not keep the input") });
  });
});

describe("startRunFrom", () => {
  it("runs the chosen node first with the past data, and never the steps before it", async () => {
    const version = fixture("integrations");
    const found = startingPointIn(past, "transform");
    if (!found.ok) throw new Error(found.message);
    const started = startRunFrom(version, found.point, Date.UTC(2026, 0, 1), { runId: "run-new" });
    if (!started.ok) throw new Error(started.message);
    expect(started.state.tokens).toEqual([expect.objectContaining({ nodeId: "transform", stepId: "transform#1", input: { value: { text: "hello" } } })]);

    const seen: { input: unknown; nodes: Record<string, unknown>; runInput: unknown; vars: Record<string, unknown> }[] = [];
    const called: string[] = [];
    const record = (type: string) => (ctx: ExecutorContext) => {
      called.push(type);
      if (type === "script") seen.push({ input: ctx.input, nodes: ctx.scope.nodes, runInput: ctx.scope.runInput, vars: ctx.scope.vars });
      return { kind: "ok" as const, output: { done: type } };
    };
    const sim = new Simulation(version, {}, { fakes: { action: record("action"), ai: record("ai"), script: record("script"), notification: record("notification") } });
    sim.state = started.state;
    sim.events.length = 0;
    await sim.run();

    expect(sim.state.status).toBe("completed");
    expect(called).toEqual(["script", "notification"]);
    expect(seen).toEqual([{ input: { text: "hello" }, runInput: { amount: 42 }, vars: { region: "eu" }, nodes: { start: { amount: 42 }, fetch: { status: 200, body: { id: 7 } }, ask: { text: "hello" } } }]);
    expect(eventsOfType(sim.events, "node_start").map((e) => e.nodeId)).toEqual(["transform", "notify", "done"]);
  });

  it("refuses a node the draft no longer has, and the start node", () => {
    const version = fixture("integrations");
    const found = startingPointIn(past, "transform");
    if (!found.ok) throw new Error(found.message);
    expect(startRunFrom(version, { ...found.point, nodeId: "gone" }, 0, { runId: "r" })).toMatchObject({ ok: false, message: expect.stringContaining('no step "gone"') });
    expect(startRunFrom(version, { ...found.point, nodeId: "start" }, 0, { runId: "r" })).toMatchObject({ ok: false });
  });
});
