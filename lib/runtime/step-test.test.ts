// The step test runner with fake executors: the node's time limit stops a step that never
// answers (and aborts its signal), and logs and AI usage reported by the step come back.
import { describe, expect, it } from "vitest";
import type { ExecutorMap } from "@/lib/engine/executor";
import type { RuntimeServices } from "./services";
import { testOneStep, type StepTestRequest } from "./step-test";

const request = (config: Record<string, unknown>): StepTestRequest => ({
  workflowId: "wf",
  node: { id: "call", type: "fake", position: { x: 0, y: 0 }, data: { title: "Call", config } },
  input: { a: 1 },
  scope: { runInput: {}, vars: {}, nodes: {}, run: { id: "r" } },
  startedBy: "user-1",
  testId: "step-test-1",
});

describe("testOneStep", () => {
  it("stops a step at its time limit and aborts its signal", async () => {
    let aborted = false;
    const executors: ExecutorMap<RuntimeServices> = {
      fake: (ctx) =>
        new Promise(() => {
          ctx.signal.addEventListener("abort", () => (aborted = true));
        }),
    };
    const outcome = await testOneStep(request({ timeoutMs: 50 }), executors, {});
    expect(outcome).toMatchObject({ status: "timed_out", error: { code: "node_timeout", message: '"Call" did not finish within 50 ms (its time limit), so the test stopped it' } });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(45);
    expect(aborted).toBe(true);
  });

  it("returns the output with the step's log lines and AI usage, and its idempotency key is the test's", async () => {
    const executors: ExecutorMap<RuntimeServices> = {
      fake: async (ctx) => {
        ctx.services.run.log(`key ${ctx.idempotencyKey}`);
        ctx.services.run.recordAiUsage({ provider: "simulated", model: "m", inputTokens: 3, outputTokens: 4, cost: 0, durationMs: 1 });
        return { kind: "ok", output: { got: ctx.input }, handle: "success" };
      },
    };
    const outcome = await testOneStep(request({}), executors, {});
    expect(outcome).toMatchObject({ status: "succeeded", output: { got: { a: 1 } }, handle: "success", logs: ["key step-test-1:call#1:1"], aiCalls: [{ inputTokens: 3, outputTokens: 4 }] });
  });
});
