// Runs user JavaScript in QuickJS compiled to WebAssembly — its own heap, its own globalThis, no
// process, require, fetch, timers or file system — inside a pooled worker thread
// (lib/sandbox/pool.ts), never on the server's event loop. QuickJS enforces the memory limit,
// the stack limit and the time limit between instructions and says precisely what went wrong;
// the host enforces the time limit and the abort signal by terminating the thread, whatever the
// script does. A script may be async: the step waits for its promise within the time limit.
import "server-only";
import { consoleSink, type ConsoleLevel, type ConsoleLine } from "./console";
import { describeFailure, type SandboxFailure } from "./failures";
import { sandboxPool, type WorkerReply } from "./pool";

export type { ConsoleLine, SandboxFailure };

export interface SandboxOptions {
  timeLimitMs: number;
  memoryLimitMb: number;
  /** Stops the script at once when aborted (cancel, node timeout, lease lost): its thread is terminated. */
  signal?: AbortSignal;
  /** Each console line as it is written. */
  onConsole?: (line: ConsoleLine) => void;
}

type Outcome = { ok: true; value: unknown } | SandboxFailure;

export type SandboxResult =
  | { ok: true; value: unknown; logs: ConsoleLine[]; durationMs: number }
  | ({ ok: false; logs: ConsoleLine[]; durationMs: number } & SandboxFailure);

/** The largest result a script may return, as JSON (the worker checks it: sandbox-worker.mjs). */
export const MAX_RESULT_CHARS = 5 * 1024 * 1024;

export async function runScript(source: string, input: unknown, options: SandboxOptions): Promise<SandboxResult> {
  const started = performance.now();
  const logs: ConsoleLine[] = [];
  const write = consoleSink(logs, options.onConsole);
  const reply = await sandboxPool().run(
    { source, input, timeLimitMs: options.timeLimitMs, memoryLimitMb: options.memoryLimitMb },
    { signal: options.signal, onConsole: (level, message) => write(level as ConsoleLevel, message) },
  );
  const outcome = outcomeOf(reply, options);
  const durationMs = Math.round(performance.now() - started);
  return "ok" in outcome ? { ...outcome, logs, durationMs } : { ok: false, ...outcome, logs, durationMs };
}

function outcomeOf(reply: WorkerReply, options: SandboxOptions): Outcome {
  if (reply.ok) return { ok: true, value: JSON.parse(reply.json) as unknown };
  const limits = { timedOut: false, aborted: options.signal?.aborted === true, timeLimitMs: options.timeLimitMs, memoryLimitMb: options.memoryLimitMb };
  if ("stopped" in reply) {
    if (reply.stopped === "aborted") return describeFailure({ name: "InternalError", message: "interrupted" }, { ...limits, aborted: true });
    if (reply.stopped === "timeout") {
      return { reason: "timeout", message: `the script ran longer than its time limit of ${options.timeLimitMs} ms and was stopped (an endless loop or a runaway regular expression?)` };
    }
    if (reply.stopped === "memory") return { reason: "memory", message: `the script used more than its memory limit of ${options.memoryLimitMb} MB` };
    return { reason: "crashed", message: `the script could not finish: its sandbox stopped (${reply.detail ?? "no reason given"})` };
  }
  if (reply.crashed !== undefined) return { reason: "crashed", message: `the script could not finish: ${reply.crashed}` };
  if (reply.tooLarge) return { reason: "output", message: `the returned value is larger than ${MAX_RESULT_CHARS / 1024 / 1024} MB as JSON` };
  if (reply.neverSettles) {
    return { reason: "timeout", message: `the script ran longer than its time limit of ${options.timeLimitMs} ms: its promise never settles (nothing in the sandbox can resolve it)` };
  }
  const failure = describeFailure(reply.thrown, { ...limits, timedOut: reply.timedOut === true });
  // An async script interrupted at its deadline can surface as some other error of the job queue.
  if (reply.timedOut && failure.reason === "threw") return describeFailure({ name: "InternalError", message: "interrupted" }, { ...limits, timedOut: true });
  if (reply.output && failure.reason === "threw") {
    return { reason: "output", message: `the returned value cannot be turned into JSON (${failure.message.replace(/^the script failed( on line \d+)?: /, "")})` };
  }
  return failure;
}

