// @ts-check
// The sandbox worker: a worker thread started by lib/sandbox/pool.ts. It runs one user script
// at a time in QuickJS (WebAssembly: its own heap and globalThis, no process, require, fetch,
// timers or files). QuickJS's own limits (memory, stack, an interrupt deadline) give the
// designer precise messages; the host terminates this whole thread if they are not enough
// (a regex that backtracks, a WASM heap that grew), so nothing here can hold the server.
//
// Plain JavaScript on purpose: the server loads it with `new Worker(path)` both from the
// Next.js production build and under tsx/vitest, and neither bundles or compiles it.
// Protocol: the host posts { id, source, input, timeLimitMs, memoryLimitMb }; this posts
// { id, console: { level, message } } for each console line, then one
// { id, ok: true, json } or { id, ok: false, thrown, timedOut, output? }.
import { getPriority, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { newQuickJSWASMModule, RELEASE_SYNC } from "quickjs-emscripten";

/** QuickJS's own stack limit: small enough that QuickJS, not the host, notices runaway recursion. */
const STACK_LIMIT_BYTES = 256 * 1024;
/** The largest result a script may return, as JSON. Keep in step with lib/sandbox/limits.ts. */
const MAX_RESULT_CHARS = 5 * 1024 * 1024;
/** Console lines sent to the host; it keeps MAX_CONSOLE_LINES and a line saying the rest were dropped. */
const MAX_CONSOLE_SENT = 201;
const MAX_LINE_CHARS = 2_000;
const LEVELS = ["log", "info", "warn", "error", "debug"];
const IMPORT_REFUSED = "import() is not available in scripts: they run in a sandbox without modules; use `input` and return a value";

if (!parentPort) throw new Error("sandbox-worker.mjs runs only as a worker thread");
const port = parentPort;
// On Linux a nice value belongs to a thread: this lowers only this thread, so on a busy machine
// the server's own thread (HTTP, lease renewals) gets the CPU first — about 3 times the share of
// a sandbox thread at 5 steps nicer. Not more: the time limit is wall-clock time.
try {
  setPriority(Math.min(19, getPriority() + 5));
} catch {
  // Not permitted here (some containers): the host's time limit still bounds the script.
}
const wasm = await newQuickJSWASMModule(RELEASE_SYNC);

/** The source as the body of `async function (input)`, starting on line 1 so error lines match the editor. */
function wrap(source) {
  return `(async function (input) { "use strict"; ${source}\n})`;
}

/** @param {import("quickjs-emscripten").QuickJSContext} vm @param {import("quickjs-emscripten").QuickJSHandle} handle */
function show(vm, handle) {
  if (vm.typeof(handle) === "string") return vm.getString(handle);
  const value = vm.dump(handle);
  if (typeof value === "object" && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * @param {{ id: number, source: string, input: unknown, timeLimitMs: number, memoryLimitMb: number }} job
 */
function run(job) {
  const deadline = Date.now() + job.timeLimitMs;
  let sent = 0;
  const runtime = wasm.newRuntime();
  runtime.setMemoryLimit(job.memoryLimitMb * 1024 * 1024);
  runtime.setMaxStackSize(STACK_LIMIT_BYTES);
  runtime.setInterruptHandler(() => Date.now() > deadline);
  runtime.setModuleLoader(() => ({ error: new Error(IMPORT_REFUSED) }));
  const vm = runtime.newContext();
  /** @type {import("quickjs-emscripten").QuickJSHandle[]} */
  const handles = [];
  /** @param {import("quickjs-emscripten").QuickJSHandle} h */
  const track = (h) => (handles.push(h), h);
  /** @param {import("quickjs-emscripten").QuickJSHandle} error */
  const failed = (error, extra = {}) => ({ id: job.id, ok: false, thrown: vm.dump(track(error)), timedOut: Date.now() > deadline, ...extra });
  try {
    const consoleObject = track(vm.newObject());
    for (const level of LEVELS) {
      const fn = track(
        vm.newFunction(level, (...args) => {
          if (sent++ >= MAX_CONSOLE_SENT) return;
          const message = args.map((a) => show(vm, a)).join(" ");
          port.postMessage({ id: job.id, console: { level, message: message.length > MAX_LINE_CHARS ? `${message.slice(0, MAX_LINE_CHARS)}…` : message } });
        }),
      );
      vm.setProp(consoleObject, level, fn);
    }
    vm.setProp(vm.global, "console", consoleObject);

    const compiled = vm.evalCode(wrap(job.source), "script.js");
    if (compiled.error) return failed(compiled.error);
    const fn = track(compiled.value);
    const json = track(vm.getProp(vm.global, "JSON"));
    const stringify = track(vm.getProp(json, "stringify"));
    let argument = vm.undefined;
    if (job.input !== undefined) {
      const parse = track(vm.getProp(json, "parse"));
      const parsed = vm.callFunction(parse, vm.undefined, track(vm.newString(JSON.stringify(job.input))));
      if (parsed.error) return failed(parsed.error);
      argument = track(parsed.value);
    }
    const called = vm.callFunction(fn, vm.undefined, argument);
    if (called.error) return failed(called.error);
    const promise = track(called.value);
    // Drive the script's awaits. Nothing outside can settle a promise (no timers, no I/O), so a
    // promise still pending once no job is left never settles: it is a time-limit failure.
    for (;;) {
      const state = vm.getPromiseState(promise);
      if (state.type === "fulfilled") {
        const value = track(state.value);
        const text = vm.callFunction(stringify, vm.undefined, value);
        if (text.error) return failed(text.error, { output: true });
        const result = track(text.value);
        // undefined, a function or a symbol: JSON has no value for them.
        if (vm.typeof(result) !== "string") return { id: job.id, ok: true, json: "null" };
        const out = vm.getString(result);
        if (out.length > MAX_RESULT_CHARS) return { id: job.id, ok: false, tooLarge: true };
        return { id: job.id, ok: true, json: out };
      }
      if (state.type === "rejected") return failed(state.error);
      const jobs = runtime.executePendingJobs();
      if (jobs.error) return failed(jobs.error);
      if (jobs.value === 0 && vm.getPromiseState(promise).type === "pending") {
        // Past the deadline, the interrupt is what emptied the job queue: a time-limit failure.
        if (Date.now() > deadline) return { id: job.id, ok: false, thrown: { name: "InternalError", message: "interrupted" }, timedOut: true };
        return { id: job.id, ok: false, neverSettles: true };
      }
    }
  } finally {
    try {
      for (const handle of handles.reverse()) if (handle.alive) handle.dispose();
      vm.dispose();
      runtime.dispose();
    } catch {
      // QuickJS aborted while freeing what a fatal error left behind: this thread is spent;
      // the host sees it exit and starts a fresh one.
      setImmediate(() => process.exit(70));
    }
  }
}

port.on("message", (/** @type {any} */ job) => {
  let reply;
  try {
    reply = run(job);
  } catch (error) {
    // The host, not QuickJS, gave up (e.g. the WASM ran out of its own stack): the module is spent.
    port.postMessage({ id: job.id, ok: false, crashed: error instanceof Error ? error.message : String(error) });
    process.exit(70);
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
