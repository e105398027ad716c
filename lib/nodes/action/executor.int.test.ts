import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeContext } from "@/lib/nodes/test-context";
import { sendJson, startLocalServer, type LocalServer } from "@/tests/local-http";
import type { RevealedCredential } from "@/lib/credentials/kinds";
import { actionExecutor } from "./executor";
import type { ActionConfig } from "./definition";

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

function config(overrides: Partial<ActionConfig> = {}): ActionConfig {
  return { method: "GET", url: `${server.url}/thing`, headers: [], body: "", timeoutMs: 2_000, ...overrides };
}

function run(cfg: ActionConfig, credentials: Record<string, RevealedCredential> = {}, input: unknown = {}) {
  const { ctx, record } = fakeContext({
    type: "action",
    config: cfg as unknown as Record<string, unknown>,
    input,
    services: { credentials: { reveal: async (id) => credentials[id] ?? null } },
  });
  return actionExecutor(ctx).then((result) => ({ result, record, ctx }));
}

describe("the HTTP action against a local server", () => {
  it("renders templates, sends the Idempotency-Key and returns status, header list and parsed JSON", async () => {
    server.handle((req, res) => sendJson(res, 201, { got: JSON.parse(req.body), path: req.url }, { "x-trace": "abc" }));
    const cfg = config({
      method: "POST",
      url: `${server.url}/orders/{{ id }}`,
      headers: [{ key: "X-Customer", value: "{{ customer }}" }],
      body: '{"amount": {{ amount }}}',
    });
    const { result, record, ctx } = await run(cfg, {}, { id: 42, customer: "Ada", amount: 12.5 });
    expect(result).toMatchObject({ kind: "ok", output: { status: 201, body: { got: { amount: 12.5 }, path: "/orders/42" } } });
    const output = (result as { output: { headers: { key: string; value: string }[] } }).output;
    expect(output.headers).toContainEqual({ key: "x-trace", value: "abc" });
    const seen = server.seen.at(-1)!;
    expect(seen.headers["idempotency-key"]).toBe(ctx.idempotencyKey);
    expect(seen.headers["x-customer"]).toBe("Ada");
    expect(seen.headers["content-type"]).toBe("application/json");
    expect(record.logs.at(-1)).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/orders\/42 → 201 in \d+ ms/);
  });

  it("applies the credential's header (bearer, basic, custom header)", async () => {
    server.handle((req, res) => sendJson(res, 200, { auth: req.headers.authorization ?? null, key: req.headers["x-api-key"] ?? null }));
    const credentials: Record<string, RevealedCredential> = {
      b: { name: "B", type: "bearer", secret: { token: "tok-1" } },
      u: { name: "U", type: "basic", secret: { username: "ada", password: "pw" } },
      h: { name: "H", type: "header", secret: { headerName: "X-API-Key", value: "k-9" } },
    };
    expect((await run(config({ credentialId: "b" }), credentials)).result).toMatchObject({ output: { body: { auth: "Bearer tok-1" } } });
    const basic = `Basic ${Buffer.from("ada:pw").toString("base64")}`;
    expect((await run(config({ credentialId: "u" }), credentials)).result).toMatchObject({ output: { body: { auth: basic } } });
    expect((await run(config({ credentialId: "h" }), credentials)).result).toMatchObject({ output: { body: { auth: null, key: "k-9" } } });
    const missing = await run(config({ credentialId: "gone" }), credentials);
    expect(missing.result).toMatchObject({ kind: "error", retryable: false, error: { code: "credential_missing" } });
  });

  it("returns a 429 as retryable with the server's Retry-After, then succeeds on the next attempt", async () => {
    let calls = 0;
    server.handle((_req, res) => (++calls === 1 ? sendJson(res, 429, { error: "slow down" }, { "retry-after": "2" }) : sendJson(res, 200, { ok: true })));
    const first = await run(config());
    expect(first.result).toMatchObject({ kind: "error", retryable: true, retryAfterMs: 2_000, error: { code: "http_429" } });
    const second = await run(config());
    expect(second.result).toMatchObject({ kind: "ok", output: { status: 200, body: { ok: true } } });
  });

  it("returns a 500 as retryable and a 404 as not retryable, with the body in the message", async () => {
    server.handle((_req, res) => sendJson(res, 500, { error: "database down" }));
    const fiveHundred = await run(config());
    expect(fiveHundred.result).toMatchObject({ kind: "error", retryable: true, error: { code: "http_500", details: { status: 500 } } });
    expect((fiveHundred.result as { error: { message: string } }).error.message).toContain("database down");
    server.handle((_req, res) => sendJson(res, 404, { error: "no such order" }));
    expect((await run(config())).result).toMatchObject({ kind: "error", retryable: false, error: { code: "http_404" } });
  });

  it("gives up after timeoutMs with a retryable timeout", async () => {
    server.handle((_req, res) => void setTimeout(() => sendJson(res, 200, {}), 1_500));
    const started = Date.now();
    const { result } = await run(config({ timeoutMs: 200 }));
    expect(Date.now() - started).toBeLessThan(1_200);
    expect(result).toMatchObject({ kind: "error", retryable: true, error: { code: "timeout" } });
  });

  it("stops reading a body over 5 MB, whether declared or streamed", async () => {
    const chunk = Buffer.alloc(256 * 1024, "x");
    let sent = 0;
    server.handle(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 40 && !res.destroyed; i++) {
        await new Promise<void>((resolve) => res.write(chunk, () => resolve()));
        sent += chunk.length;
      }
      res.end();
    });
    const streamed = await run(config());
    expect(streamed.result).toMatchObject({ kind: "error", retryable: false, error: { code: "response_too_large" } });
    expect(sent).toBeLessThan(10 * 1024 * 1024);

    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": String(6 * 1024 * 1024) });
      res.end();
    });
    const declared = await run(config());
    expect((declared.result as { error: { message: string } }).error.message).toMatch(/larger than 5 MB/);
  });

  it("reports a refused connection as a retryable network error", async () => {
    const closed = await startLocalServer();
    await closed.close();
    const { result } = await run(config({ url: `${closed.url}/nothing-listens` }));
    expect(result).toMatchObject({ kind: "error", retryable: true, error: { code: "network" } });
    expect((result as { error: { message: string } }).error.message).toMatch(/refused/);
  });
});
