// Same inputs, same states: the core reads no clock and no randomness of its own, and never
// mutates the state it is given (the harness deep-freezes every state it keeps).
import { describe, expect, it } from "vitest";
import type { Fake } from "./harness";
import { fixture, type FixtureName } from "./fixtures";
import { runToEnd, Simulation } from "./harness";
import { applyStepResult, nextSteps, startRun } from "./interpreter";
import { decodeState, encodeState } from "./storage";

const fakes: Record<string, Fake> = {
  action: async (ctx) => ({ kind: "ok", handle: "success", output: { url: await ctx.expressions.render("{{ $now() }} {{ $random() }}") } }),
  ai: async (ctx) => ({ kind: "ok", output: await ctx.expressions.render(String(ctx.config.promptTemplate)) }),
  script: async (ctx) => ({ kind: "ok", output: ctx.input }),
  notification: async () => ({ kind: "ok" }),
};

async function trace(name: FixtureName, input: unknown, order: "fifo" | "lifo" = "fifo") {
  const sim = await runToEnd(fixture(name), input, fakes, { order });
  return JSON.stringify({ states: sim.states, events: sim.events });
}

describe("determinism", () => {
  it.each([
    ["bench-20", { amount: 3 }],
    ["loop", { limit: 7 }],
    ["parallel-nested", {}],
    ["join-bypass", { amount: 1 }],
    ["integrations", { id: 1, item: "x" }],
  ] as const)("%s goes through the same states twice", async (name, input) => {
    expect(await trace(name, input)).toBe(await trace(name, input));
    expect(await trace(name, input, "lifo")).toBe(await trace(name, input, "lifo"));
  });

  it("gives the same transition for the same state, step, result and time", async () => {
    const version = fixture("parallel");
    const started = startRun(version, { a: 1 }, 5, { runId: "r" });
    if (!started.ok) throw new Error(started.message);
    const [step] = nextSteps(started.state, version, 5);
    const snapshot = JSON.stringify(started.state);
    const a = applyStepResult(started.state, version, step, { kind: "ok", output: { a: 1 } }, 9);
    const b = applyStepResult(started.state, version, step, { kind: "ok", output: { a: 1 } }, 9);
    expect(a).toEqual(b);
    expect(JSON.stringify(started.state)).toBe(snapshot);
  });
});

describe("storage encoding", () => {
  it("stores user values as JSON strings and reads them back", async () => {
    const sim = new Simulation(fixture("human-approval"), { nested: [[1, 2], [3]], "a.b": { $x: 1 } }, { fakes: { human: async () => ({ kind: "wait", reason: "human" }) } });
    await sim.run();
    const stored = encodeState(sim.state);
    expect(stored.data.input).toBe('{"nested":[[1,2],[3]],"a.b":{"$x":1}}');
    expect(stored.data.outputs.every((o) => o.output === undefined || typeof o.output === "string")).toBe(true);
    expect(decodeState(JSON.parse(JSON.stringify(stored)))).toEqual(sim.state);
  });
});
