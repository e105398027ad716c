// Hostile scripts against the real sandbox pool: each fails with its own message, the server's
// event loop keeps answering while they run, and the process's memory comes back afterwards.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScript, type SandboxResult } from "./quickjs";

// Generous by default: on a loaded machine a sandbox thread (at a lower priority) may wait for
// the CPU; the cases about time limits set their own short one.
const limits = { timeLimitMs: 5_000, memoryLimitMb: 32 };
const run = (source: string, input: unknown = { n: 1 }, extra: Partial<typeof limits> & { signal?: AbortSignal } = {}) =>
  runScript(source, input, { ...limits, ...extra });

function failed(result: SandboxResult): { reason: string; message: string } {
  expect(result.ok).toBe(false);
  return result as unknown as { reason: string; message: string };
}

const HOSTILE: Record<string, { source: string; reason: string; message: RegExp; timeLimitMs?: number; memoryLimitMb?: number }> = {
  "a tight loop": { source: "while (true) {}", reason: "timeout", message: /time limit of 500 ms/, timeLimitMs: 500 },
  "a loop after an await": { source: "await null; for (;;) {}", reason: "timeout", message: /time limit of 500 ms/, timeLimitMs: 500 },
  "an endless chain of awaits": { source: "for (;;) await Promise.resolve(1);", reason: "timeout", message: /time limit of 500 ms/, timeLimitMs: 500 },
  "an allocation bomb": { source: "const s = 'x'.repeat(1e6); const a = []; for (;;) a.push(s + a.length);", reason: "memory", message: /memory limit of 32 MB/, timeLimitMs: 20_000 },
  "a huge array": { source: "return new Array(1e9).fill(0).length;", reason: "memory", message: /memory limit of 32 MB/, timeLimitMs: 20_000 },
  "deep recursion": { source: "function f(n) { return f(n + 1) + 1; } return f(0);", reason: "stack", message: /recursed too deeply/ },
  "regex backtracking": { source: "return /(a+)+$/.test('a'.repeat(40) + 'b');", reason: "timeout", message: /time limit of 500 ms/, timeLimitMs: 500 },
  "a promise that never settles": { source: "return new Promise(() => {});", reason: "timeout", message: /time limit of 5000 ms.*never settles/ },
  "import()": { source: "const fs = await import('fs'); return fs.readFileSync('/etc/passwd', 'utf8');", reason: "threw", message: /import\(\) is not available in scripts/ },
  "a huge output": { source: "return 'x'.repeat(6 * 1024 * 1024);", reason: "output", message: /larger than 5 MB/, memoryLimitMb: 64, timeLimitMs: 20_000 },
  "a host object": { source: "return globalThis.process.mainModule.require('child_process');", reason: "threw", message: /TypeError/ },
  "require": { source: "return require('fs');", reason: "threw", message: /sandbox without Node\.js/ },
};

describe("hostile scripts in the sandbox pool", () => {
  for (const [name, { source, reason, message, ...extra }] of Object.entries(HOSTILE)) {
    it(`fails ${name} with its own message`, async () => {
      const failure = failed(await run(source, { n: 1 }, extra));
      expect(failure.reason).toBe(reason);
      expect(failure.message).toMatch(message);
    });
  }

  it("keeps prototype tricks inside the sandbox", async () => {
    const result = await run(`
      Object.prototype.polluted = "yes";
      Array.prototype.map = () => "hijacked";
      const g = (function () { return this; }).call(undefined) ?? Function("return this")();
      return { escaped: typeof g.process, ctor: typeof ({}).constructor.constructor("return typeof process")() };`);
    expect(result).toMatchObject({ ok: true, value: { escaped: "undefined", ctor: "string" } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([1].map((n) => n + 1)).toEqual([2]);
    // The next script gets a clean realm: the pollution did not survive.
    expect(await run("return ({}).polluted === undefined && typeof [].map === 'function';")).toMatchObject({ ok: true, value: true });
  });

  it("runs async scripts and keeps their console lines", async () => {
    const result = await run(`
      const wait = (v) => new Promise((resolve) => resolve(v));
      console.log("before");
      const a = await wait(input.n + 1);
      console.log("after", a);
      return { a, b: await Promise.all([wait(1), wait(2)]) };`);
    expect(result).toMatchObject({ ok: true, value: { a: 2, b: [1, 2] } });
    expect(result.logs).toEqual([
      { level: "log", message: "before" },
      { level: "log", message: "after 2" },
    ]);
    const rejected = failed(await run("await null; throw new Error('late failure');"));
    expect(rejected.message).toBe("the script failed on line 1: Error: late failure");
  });

  it("keeps console lines written before the host stopped a script", async () => {
    const result = await run("console.log('started'); return /(a+)+$/.test('a'.repeat(40) + 'b');", {}, { timeLimitMs: 1_000 });
    expect(failed(result).reason).toBe("timeout");
    expect(result.logs).toEqual([{ level: "log", message: "started" }]);
  });

  it("stops a running script at once when the step is aborted", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    const failure = failed(await run("while (true) {}", {}, { timeLimitMs: 30_000, signal: controller.signal }));
    expect(failure.reason).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  describe("while hostile scripts run", () => {
    let server: http.Server;
    let url: string;
    beforeAll(async () => {
      server = http.createServer((_req, res) => res.end("ok"));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("the event loop and an HTTP server in this process keep answering, and a trivial script still runs", async () => {
      await (await fetch(url)).text(); // the first fetch loads the HTTP client: not part of the attack
      const attack = Promise.all([
        run("while (true) {}", {}, { timeLimitMs: 3_000 }),
        run("return /(a+)+$/.test('a'.repeat(40) + 'b');", {}, { timeLimitMs: 3_000 }),
        run("const s = 'x'.repeat(1e6); const a = []; for (;;) a.push(s + a.length);", {}, { timeLimitMs: 3_000, memoryLimitMb: 64 }),
        run("await null; for (;;) {}", {}, { timeLimitMs: 3_000 }),
      ]);
      let worstLag = 0;
      let worstRequest = 0;
      const probe = (async () => {
        for (let i = 0; i < 20; i++) {
          const before = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 50));
          worstLag = Math.max(worstLag, performance.now() - before - 50);
          const sent = performance.now();
          expect(await (await fetch(url)).text()).toBe("ok");
          worstRequest = Math.max(worstRequest, performance.now() - sent);
        }
      })();
      await probe;
      const results = await attack;
      expect(results.every((r) => !r.ok)).toBe(true);
      expect(worstRequest, `slowest request ${worstRequest} ms, worst timer lag ${worstLag} ms`).toBeLessThan(200);
      expect(worstLag, `worst timer lag ${worstLag} ms`).toBeLessThan(200);
      expect(await run("return input.n * 2;", { n: 21 })).toMatchObject({ ok: true, value: 42 });
    });

    it("gives the memory back after 50 hostile steps", async () => {
      const baseline = process.memoryUsage().rss;
      const bombs = [
        { source: "const s = 'x'.repeat(1e6); const a = []; for (;;) a.push(s + a.length);", memoryLimitMb: 32, timeLimitMs: 20_000 },
        { source: "while (true) {}", memoryLimitMb: 32, timeLimitMs: 100 },
        { source: "return 'x'.repeat(6 * 1024 * 1024);", memoryLimitMb: 64, timeLimitMs: 2_000 },
        { source: "function f(n) { return [n, f(n + 1)]; } return f(0);", memoryLimitMb: 32, timeLimitMs: 1_000 },
        { source: "return /(a+)+$/.test('a'.repeat(40) + 'b');", memoryLimitMb: 32, timeLimitMs: 100 },
      ];
      for (let i = 0; i < 50; i += 5) await Promise.all(bombs.map(({ source, ...extra }) => run(source, {}, extra)));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(process.memoryUsage().rss - baseline).toBeLessThan(100 * 1024 * 1024);
    }, 180_000);
  });
});
