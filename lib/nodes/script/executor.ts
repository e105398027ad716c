// The script step: the node's JavaScript runs in the QuickJS sandbox, in a pooled worker thread
// off the server's event loop (lib/sandbox/pool.ts), with `input` bound to the step's input; what it returns is the step's result. Console lines go into the output and the
// step's log. A script that throws, loops, or outgrows its memory fails for good (not retried):
// running the same code on the same input again would do the same.
import "server-only";
import type { NodeExecutor } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { runScript } from "@/lib/sandbox/quickjs";
import type { ScriptConfig } from "./definition";

type Services = Pick<RuntimeServices, "run">;

export const SCRIPT_DEFAULT_TIME_LIMIT_MS = 1_000;
export const SCRIPT_DEFAULT_MEMORY_LIMIT_MB = 32;

export const scriptExecutor: NodeExecutor<Services> = async (ctx) => {
  const config = ctx.config as Partial<ScriptConfig>;
  const result = await runScript(config.source ?? "", ctx.input, {
    timeLimitMs: config.timeLimitMs ?? SCRIPT_DEFAULT_TIME_LIMIT_MS,
    memoryLimitMb: config.memoryLimitMb ?? SCRIPT_DEFAULT_MEMORY_LIMIT_MB,
    signal: ctx.signal,
    onConsole: (line) => ctx.services.run.log(`console.${line.level}: ${line.message}`),
  });
  if (result.ok) {
    ctx.services.run.log(`script finished in ${result.durationMs} ms`);
    return { kind: "ok", output: { result: result.value, logs: result.logs } };
  }
  ctx.services.run.log(`script failed after ${result.durationMs} ms: ${result.message}`);
  return {
    kind: "error",
    retryable: false,
    error: {
      message: result.message,
      code: `script_${result.reason}`,
      path: "source",
      details: { logs: result.logs, ...(result.line !== undefined ? { line: result.line } : {}) },
    },
  };
};
