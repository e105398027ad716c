import { describe, expect, it } from "vitest";
import { fakeContext } from "@/lib/nodes/test-context";
import { scriptExecutor } from "./executor";

interface Limits {
  timeLimitMs?: number;
  memoryLimitMb?: number;
  signal?: AbortSignal;
  noInput?: boolean;
}

async function run(source: string, input: unknown = { amount: 21 }, limits: Limits = {}) {
  const { ctx, record } = fakeContext({
    type: "script",
    config: { source, timeLimitMs: limits.timeLimitMs ?? 1_000, memoryLimitMb: limits.memoryLimitMb ?? 32 },
    input: limits.noInput ? undefined : input,
    signal: limits.signal,
  });
  const started = Date.now();
  const result = await scriptExecutor(ctx);
  return { result, record, ms: Date.now() - started };
}

const failure = (result: unknown) => (result as { kind: string; retryable?: boolean; error: { code: string; message: string } });

describe("the script step in the QuickJS sandbox", () => {
  it("runs the source as a function of `input` and returns its value, with console lines captured", async () => {
    const { result, record } = await run(`
      console.log("amount is", input.amount, { unit: "EUR" });
      console.warn("careful");
      console.error(new Error("not thrown").message);
      return { doubled: input.amount * 2, items: [1, 2].map((n) => n + input.amount) };`);
    expect(result).toEqual({
      kind: "ok",
      output: {
        result: { doubled: 42, items: [22, 23] },
        logs: [
          { level: "log", message: 'amount is 21 {"unit":"EUR"}' },
          { level: "warn", message: "careful" },
          { level: "error", message: "not thrown" },
        ],
      },
    });
    expect(record.logs).toContain("console.warn: careful");
  });

  it("gives null for a script that returns nothing, and passes no input as undefined", async () => {
    expect((await run("const x = 1;")).result).toMatchObject({ kind: "ok", output: { result: null } });
    expect((await run("return typeof input;", {}, { noInput: true })).result).toMatchObject({ output: { result: "undefined" } });
  });

  it("stops an endless loop at the time limit, not retryable", async () => {
    const { result, ms } = await run("while (true) {}", {}, { timeLimitMs: 300 });
    expect(failure(result)).toMatchObject({ kind: "error", retryable: false, error: { code: "script_timeout" } });
    expect(failure(result).error.message).toMatch(/time limit of 300 ms/);
    expect(ms).toBeLessThan(1_500);
    // try/catch cannot swallow the interrupt.
    expect(failure((await run("for (;;) { try { while (true) {} } catch (e) {} }", {}, { timeLimitMs: 200 })).result).error.code).toBe("script_timeout");
  });

  it("stops a memory bomb at the memory limit", async () => {
    const { result } = await run("const s = 'x'.repeat(1e6); const a = []; while (true) a.push(s + a.length);", {}, { memoryLimitMb: 16, timeLimitMs: 10_000 });
    expect(failure(result)).toMatchObject({ kind: "error", retryable: false, error: { code: "script_memory" } });
    expect(failure(result).error.message).toMatch(/memory limit of 16 MB/);
    expect(failure((await run("return new Array(1e9).fill(0).length;", {}, { memoryLimitMb: 8 })).result).error.code).toBe("script_memory");
  });

  it("has no host: process, require, fetch and timers are missing, and globalThis is the sandbox's own", async () => {
    for (const source of ["return process.env;", "return require('fs');", "return fetch('http://127.0.0.1');", "setTimeout(() => {}, 1);"]) {
      const { result } = await run(source);
      expect(failure(result)).toMatchObject({ kind: "error", retryable: false, error: { code: "script_threw" } });
      expect(failure(result).error.message).toMatch(/is not defined.*sandbox without Node\.js/);
    }
    const reach = await run("return globalThis.process.exit(1);");
    expect(failure(reach.result).error.message).toMatch(/the script failed on line 1: TypeError/);
    const globals = await run("globalThis.leaked = 1; return [typeof globalThis.process, typeof globalThis.require, typeof this];");
    expect(globals.result).toMatchObject({ output: { result: ["undefined", "undefined", "undefined"] } });
    expect((globalThis as { leaked?: unknown }).leaked).toBeUndefined();
    expect((await run("return Function('return this')().process === undefined;")).result).toMatchObject({ output: { result: true } });
  });

  it("reports runaway recursion, syntax errors and throws with their line, and keeps working after them", async () => {
    expect(failure((await run("function f() { return f() + 1; }\nreturn f();")).result).error.code).toBe("script_stack");
    const syntax = failure((await run("const a = 1;\nreturn a +;")).result);
    expect(syntax.error).toMatchObject({ code: "script_syntax" });
    expect(syntax.error.message).toMatch(/line 2/);
    const thrown = failure((await run("\n\nthrow new RangeError('amount must be positive');")).result);
    expect(thrown.error.message).toBe("the script failed on line 3: RangeError: amount must be positive");
    const cyclic = failure((await run("const a = {}; a.self = a; return a;")).result);
    expect(cyclic.error.code).toBe("script_output");
    expect((await run("return input.amount + 1;")).result).toMatchObject({ kind: "ok", output: { result: 22 } });
  });

  it("does not start when the step was already aborted", async () => {
    // A signal aborted before the script starts stops it before it reaches a sandbox thread; one
    // that fires while it runs terminates the thread (lib/sandbox/hostile.int.test.ts).
    const { result, ms } = await run("while (true) {}", {}, { timeLimitMs: 5_000, signal: AbortSignal.abort() });
    expect(failure(result).error.code).toBe("script_aborted");
    expect(ms).toBeLessThan(1_000);
  });

  it("caps console output", async () => {
    const { result } = await run("for (let i = 0; i < 1000; i++) console.log(i); return 1;");
    const logs = (result as { output: { logs: unknown[] } }).output.logs;
    expect(logs).toHaveLength(201);
    expect(logs.at(-1)).toMatchObject({ level: "warn", message: expect.stringMatching(/dropped/) });
  });

  it("frees each run: many runs in a row leave memory flat", async () => {
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 100; i++) await run("return Array.from({ length: 1000 }, (_, i) => i).length;");
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});
