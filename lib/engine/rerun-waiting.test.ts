// rerunWaiting: a waiting step answered with "run it again" runs its executor once more on the
// same attempt (same idempotency key), and the run goes on from its result.
import { describe, expect, it } from "vitest";
import { Simulation } from "./harness";
import { rerunWaiting } from "./rerun-waiting";
import { edge, node } from "./test-graphs";
import type { StepResult } from "./executor";

const graph = {
  nodes: [node("start", "start", { fields: [] }), node("ask", "ai"), node("done", "end", { outputMapping: [] })],
  edges: [edge("start", "ask"), edge("ask", "done", "out")],
};

describe("rerunWaiting", () => {
  it("makes the waiting step ready on the same attempt; its second run completes the run", async () => {
    const calls: { attempt: number; key: string }[] = [];
    let approved = false;
    const ask = async (ctx: { attempt: number; idempotencyKey: string }): Promise<StepResult> => {
      calls.push({ attempt: ctx.attempt, key: ctx.idempotencyKey });
      return approved ? { kind: "ok", output: { text: "answer" } } : { kind: "wait", reason: "budget" };
    };
    const sim = new Simulation(graph, {}, { stepMs: 0, fakes: { ask } });
    await sim.run();
    expect(sim.waiting()).toEqual([expect.objectContaining({ stepId: "ask#1", state: "waiting", wait: expect.objectContaining({ reason: "budget" }) })]);

    approved = true;
    const rerun = rerunWaiting(sim.state, graph, "ask#1", sim.clock);
    expect(rerun.ignored).toBeUndefined();
    expect(rerun.state.tokens).toEqual([expect.objectContaining({ stepId: "ask#1", attempt: 1, state: "ready" })]);
    expect(rerun.state.tokens[0].wait).toBeUndefined();
    sim.state = rerun.state;
    await sim.run();
    expect(sim.state.status).toBe("completed");
    expect(calls).toEqual([calls[0], { attempt: 1, key: calls[0].key }]);
    expect(sim.path()).toEqual(["start", "ask", "done"]);
  });

  it("changes nothing for a step that is not waiting or a run that has ended", async () => {
    const sim = new Simulation(graph, {}, { stepMs: 0, fakes: { ask: () => ({ kind: "ok", output: {} }) } });
    await sim.run();
    expect(sim.state.status).toBe("completed");
    expect(rerunWaiting(sim.state, graph, "ask#1", sim.clock).ignored).toMatch(/already ended/);
    const waiting = new Simulation(graph, {}, { stepMs: 0, fakes: { ask: () => ({ kind: "wait", reason: "budget" }) } });
    await waiting.run();
    expect(rerunWaiting(waiting.state, graph, "nope#1", waiting.clock).ignored).toMatch(/Nothing is waiting at nope#1/);
  });
});
