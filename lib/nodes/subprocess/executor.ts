// The sub-workflow step: builds the child's input from the mapping, starts the child run one
// level deeper (at most MAX_SUBPROCESS_DEPTH), then either waits for it or continues at once.
// The child run is keyed by this step's idempotency key, so a replay does not start a second one.
import "server-only";
import type { NodeExecutor } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import type { SubprocessConfig } from "./definition";

type Services = Pick<RuntimeServices, "run" | "runs">;

export const MAX_SUBPROCESS_DEPTH = 10;
export const SUBPROCESS_WAIT_REASON = "subprocess";

export const subprocessExecutor: NodeExecutor<Services> = async (ctx) => {
  const config = ctx.config as SubprocessConfig;
  const depth = ctx.services.run.depth + 1;
  if (depth > MAX_SUBPROCESS_DEPTH) {
    return {
      kind: "error",
      retryable: false,
      error: {
        message: `sub-workflows may nest at most ${MAX_SUBPROCESS_DEPTH} levels deep; this one would be level ${depth} (does a workflow call itself?)`,
        code: "subprocess_too_deep",
        path: "workflowId",
      },
    };
  }
  const input: Record<string, unknown> = {};
  for (const [i, entry] of (config.inputMapping ?? []).entries()) {
    input[entry.key] = await ctx.expressions.evaluate(entry.expression, { path: `inputMapping.${i}.expression`, label: `the input "${entry.key}"` });
  }
  let runId: string;
  try {
    ({ runId } = await ctx.services.runs.startChild({
      idempotencyKey: ctx.idempotencyKey,
      parentRunId: ctx.runId,
      parentStepId: ctx.stepId,
      workflowId: config.workflowId,
      input,
      depth,
    }));
  } catch (error) {
    // The runtime marks refusals that a retry cannot fix (no such workflow, bad input) with retryable: false.
    const retryable = (error as { retryable?: boolean }).retryable !== false;
    const message = `the sub-workflow could not be started: ${(error as Error).message}`;
    return { kind: "error", retryable, error: { message, code: "subprocess_start_failed", path: "workflowId" } };
  }
  ctx.services.run.log(`started sub-workflow run ${runId}${config.waitForResult ? "; waiting for its result" : ""}`);
  if (config.waitForResult) return { kind: "wait", reason: SUBPROCESS_WAIT_REASON, output: { runId } };
  return { kind: "ok", output: { runId } };
};
