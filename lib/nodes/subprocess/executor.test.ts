import { describe, expect, it } from "vitest";
import type { ChildRunRequest } from "@/lib/runtime/services";
import { fakeContext } from "@/lib/nodes/test-context";
import { subprocessExecutor } from "./executor";

const config = {
  workflowId: "wf-child",
  inputMapping: [
    { key: "amount", expression: "amount * 2" },
    { key: "who", expression: "$input.employee" },
  ],
  waitForResult: true,
};

function step(options: { depth?: number; waitForResult?: boolean; startChild?: (r: ChildRunRequest) => Promise<{ runId: string }> } = {}) {
  const started: ChildRunRequest[] = [];
  const startChild = options.startChild ?? (async (r: ChildRunRequest) => (started.push(r), { runId: "child-1" }));
  const { ctx } = fakeContext({
    type: "subprocess",
    config: { ...config, waitForResult: options.waitForResult ?? true },
    input: { amount: 21 },
    runInput: { employee: "ann@example.com" },
    depth: options.depth,
    services: { runs: { startChild } },
  });
  return { ctx, started };
}

describe("the sub-workflow step", () => {
  it("maps its input, starts the child one level deeper with the step's key, and waits", async () => {
    const { ctx, started } = step({ depth: 2 });
    expect(await subprocessExecutor(ctx)).toEqual({ kind: "wait", reason: "subprocess", output: { runId: "child-1" } });
    expect(started).toEqual([
      { idempotencyKey: ctx.idempotencyKey, parentRunId: "run-1", parentStepId: ctx.stepId, workflowId: "wf-child", input: { amount: 42, who: "ann@example.com" }, depth: 3 },
    ]);
  });

  it("continues at once when it does not wait", async () => {
    expect(await subprocessExecutor(step({ waitForResult: false }).ctx)).toEqual({ kind: "ok", output: { runId: "child-1" } });
  });

  it("refuses to nest deeper than 10 levels, without starting anything", async () => {
    const { ctx, started } = step({ depth: 10 });
    const result = await subprocessExecutor(ctx);
    expect(result).toMatchObject({ kind: "error", retryable: false, error: { code: "subprocess_too_deep" } });
    expect((result as { error: { message: string } }).error.message).toMatch(/at most 10 levels deep; this one would be level 11/);
    expect(started).toHaveLength(0);
  });

  it("passes on whether a refusal to start can be retried", async () => {
    const refused = Object.assign(new Error("no workflow wf-child"), { retryable: false });
    const final = await subprocessExecutor(step({ startChild: () => Promise.reject(refused) }).ctx);
    expect(final).toMatchObject({ kind: "error", retryable: false, error: { message: "the sub-workflow could not be started: no workflow wf-child" } });
    const flaky = await subprocessExecutor(step({ startChild: () => Promise.reject(new Error("database busy")) }).ctx);
    expect(flaky).toMatchObject({ kind: "error", retryable: true });
  });
});
