// Runs user JavaScript in QuickJS compiled to WebAssembly: its own heap, its own globalThis, no
// process, require, fetch, timers or file system. Each run gets a fresh runtime with a memory
// limit, a stack limit and an interrupt deadline, and everything is disposed in `finally`.
// One WASM module serves the whole process; if QuickJS ever aborts, the next run loads a new one.
// The script runs synchronously: it holds this thread for at most its time limit.
import "server-only";
import { newQuickJSWASMModule, RELEASE_SYNC, type QuickJSContext, type QuickJSHandle, type QuickJSWASMModule } from "quickjs-emscripten";
import { consoleSink, installConsole, type ConsoleLine, type ConsoleWrite } from "./console";
import { describeFailure, type SandboxFailure } from "./failures";

export type { ConsoleLine, SandboxFailure };

export interface SandboxOptions {
  timeLimitMs: number;
  memoryLimitMb: number;
  /** Stops the script between instructions when aborted (cancel, node timeout). */
  signal?: AbortSignal;
  /** Each console line as it is written. */
  onConsole?: (line: ConsoleLine) => void;
}

type Outcome = { ok: true; value: unknown } | SandboxFailure;

export type SandboxResult =
  | { ok: true; value: unknown; logs: ConsoleLine[]; durationMs: number }
  | ({ ok: false; logs: ConsoleLine[]; durationMs: number } & SandboxFailure);

/** QuickJS's own stack limit: small enough that QuickJS, not the host, notices runaway recursion. */
const STACK_LIMIT_BYTES = 256 * 1024;
/** The largest result a script may return, as JSON. */
export const MAX_RESULT_CHARS = 5 * 1024 * 1024;

let modulePromise: Promise<QuickJSWASMModule> | null = null;

function quickjs(): Promise<QuickJSWASMModule> {
  modulePromise ??= newQuickJSWASMModule(RELEASE_SYNC).catch((error: unknown) => {
    modulePromise = null;
    throw error;
  });
  return modulePromise;
}

/** The source as the body of `function (input)`, starting on line 1 so error lines match the editor. */
function wrap(source: string): string {
  return `(function (input) { "use strict"; ${source}\n})`;
}

export async function runScript(source: string, input: unknown, options: SandboxOptions): Promise<SandboxResult> {
  const wasm = await quickjs();
  const started = performance.now();
  const logs: ConsoleLine[] = [];
  const deadline = Date.now() + options.timeLimitMs;
  const runtime = wasm.newRuntime();
  let vm: QuickJSContext | undefined;
  const handles: QuickJSHandle[] = [];
  let outcome: Outcome;
  try {
    runtime.setMemoryLimit(options.memoryLimitMb * 1024 * 1024);
    runtime.setMaxStackSize(STACK_LIMIT_BYTES);
    runtime.setInterruptHandler(() => Date.now() > deadline || options.signal?.aborted === true);
    vm = runtime.newContext();
    outcome = evaluate({ vm, handles, source, input, deadline, options, write: consoleSink(logs, options.onConsole) });
  } catch (error) {
    // The host, not QuickJS, gave up (e.g. its own stack ran out inside the WASM): the module is spent.
    modulePromise = null;
    outcome = { reason: "crashed", message: `the script could not finish: ${(error as Error).message}` };
  } finally {
    try {
      for (const handle of handles.reverse()) if (handle.alive) handle.dispose();
      vm?.dispose();
      runtime.dispose();
    } catch {
      // QuickJS aborted while freeing what a fatal error left behind: load a fresh module next time.
      modulePromise = null;
    }
  }
  const durationMs = Math.round(performance.now() - started);
  return "ok" in outcome ? { ...outcome, logs, durationMs } : { ok: false, ...outcome, logs, durationMs };
}

interface Evaluation {
  vm: QuickJSContext;
  /** Every handle made here, disposed by the caller. */
  handles: QuickJSHandle[];
  source: string;
  input: unknown;
  deadline: number;
  options: SandboxOptions;
  write: ConsoleWrite;
}

/** Compiles the function, passes the input in as JSON, calls it, and brings the result out as JSON. */
function evaluate({ vm, handles, source, input, deadline, options, write }: Evaluation): Outcome {
  const track = (handle: QuickJSHandle) => {
    handles.push(handle);
    return handle;
  };
  const failed = (error: QuickJSHandle): SandboxFailure =>
    describeFailure(vm.dump(track(error)), {
      timedOut: Date.now() > deadline,
      aborted: options.signal?.aborted === true,
      timeLimitMs: options.timeLimitMs,
      memoryLimitMb: options.memoryLimitMb,
    });

  installConsole(vm, write);
  const compiled = vm.evalCode(wrap(source), "script.js");
  if (compiled.error) return failed(compiled.error);
  const fn = track(compiled.value);
  const json = track(vm.getProp(vm.global, "JSON"));
  const parse = track(vm.getProp(json, "parse"));
  const stringify = track(vm.getProp(json, "stringify"));

  let argument = vm.undefined;
  if (input !== undefined) {
    const parsed = vm.callFunction(parse, vm.undefined, track(vm.newString(JSON.stringify(input))));
    if (parsed.error) return failed(parsed.error);
    argument = track(parsed.value);
  }
  const called = vm.callFunction(fn, vm.undefined, argument);
  if (called.error) return failed(called.error);
  const text = vm.callFunction(stringify, vm.undefined, track(called.value));
  if (text.error) {
    const failure = failed(text.error);
    return failure.reason === "threw" ? { reason: "output", message: `the returned value cannot be turned into JSON (${failure.message.replace(/^the script failed: /, "")})` } : failure;
  }
  const result = track(text.value);
  // undefined, a function or a symbol: JSON has no value for them.
  if (vm.typeof(result) !== "string") return { ok: true, value: null };
  const out = vm.getString(result);
  if (out.length > MAX_RESULT_CHARS) return { reason: "output", message: `the returned value is larger than ${MAX_RESULT_CHARS / 1024 / 1024} MB as JSON` };
  return { ok: true, value: JSON.parse(out) as unknown };
}
