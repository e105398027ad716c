// The agent's MCP client against a real MCP server (the SDK's McpServer on node:http, 127.0.0.1):
// both transports, a tool error, refused auth, an unreachable server and the time limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalServer } from "@/tests/local-http";
import { startMcpServer, type LocalMcpServer } from "@/tests/mcp-server";
import { connectMcpTools, type McpServerRef } from "./client";

let open: LocalMcpServer;
let guarded: LocalMcpServer;
const TOKEN = "test-token-123";

beforeAll(async () => {
  [open, guarded] = await Promise.all([startMcpServer(), startMcpServer({ token: TOKEN })]);
});
afterAll(async () => {
  await Promise.all([open.close(), guarded.close()]);
});

const signal = () => AbortSignal.timeout(10_000);
const files = (url: string, more: Partial<McpServerRef> = {}): McpServerRef => ({ name: "Files", url, transport: "streamable-http", ...more });

describe("connectMcpTools against a local MCP server", () => {
  it("lists the server's tools with their schemas and calls them over streamable HTTP", async () => {
    const set = await connectMcpTools(files(`${open.origin}/mcp`), { signal: signal() });
    try {
      expect(set.tools.map((t) => t.name).sort()).toEqual(["add", "fail", "slow", "text_upper"]);
      const add = set.tools.find((t) => t.name === "add")!;
      expect(add).toMatchObject({ kind: "mcp", source: "MCP server Files", description: "Adds two numbers" });
      expect(add.parameters).toMatchObject({ type: "object", properties: { a: { type: "number" }, b: { type: "number" } }, required: ["a", "b"] });

      expect(await add.call({ a: 2, b: 3 }, signal())).toEqual({ ok: true, result: { sum: 5 }, meta: { server: "Files", tool: "add" } });
      // A name with a dot is offered as text_upper and still calls the server's "text.upper".
      const upper = set.tools.find((t) => t.name === "text_upper")!;
      expect(await upper.call({ text: "hello" }, signal())).toMatchObject({ ok: true, result: "HELLO" });
      expect(open.calls).toContain("text.upper");
    } finally {
      await set.close();
    }
  });

  it("a tool that reports isError is a failure the model sees, with the tool's message", async () => {
    const set = await connectMcpTools(files(`${open.origin}/mcp`), { signal: signal(), only: ["fail"] });
    try {
      expect(set.tools.map((t) => t.name)).toEqual(["fail"]);
      expect(await set.tools[0].call({}, signal())).toEqual({ ok: false, error: "the disk is full", meta: { server: "Files", tool: "fail" } });
    } finally {
      await set.close();
    }
  });

  it("speaks the SSE transport too", async () => {
    const set = await connectMcpTools(files(`${open.origin}/sse`, { transport: "sse" }), { signal: signal(), only: ["add"] });
    try {
      expect(await set.tools[0].call({ a: 40, b: 2 }, signal())).toMatchObject({ ok: true, result: { sum: 42 } });
    } finally {
      await set.close();
    }
  });

  it("refused auth names the server, its address and the status; the right bearer header gets in", async () => {
    const url = `${guarded.origin}/mcp`;
    await expect(connectMcpTools(files(url), { signal: signal() })).rejects.toThrow(
      `MCP server "Files" at ${url}: it refused the credentials (HTTP 401 Unauthorized)`,
    );
    await expect(connectMcpTools(files(`${guarded.origin}/sse`, { transport: "sse" }), { signal: signal() })).rejects.toThrow(/MCP server "Files" at .*\/sse: it refused the credentials \(HTTP 401/);
    const headers = { Authorization: `Bearer ${TOKEN}` };
    for (const server of [files(url, { headers }), files(`${guarded.origin}/sse`, { transport: "sse", headers })]) {
      const set = await connectMcpTools(server, { signal: signal(), only: ["add"] });
      try {
        expect(await set.tools[0].call({ a: 1, b: 1 }, signal())).toMatchObject({ ok: true, result: { sum: 2 } });
      } finally {
        await set.close();
      }
    }
  });

  it("an unreachable server, a missing tool and a bad address fail with the server's name and the reason", async () => {
    const gone = await startMcpServer();
    await gone.close();
    await expect(connectMcpTools(files(`${gone.origin}/mcp`), { signal: signal() })).rejects.toThrow(
      `MCP server "Files" at ${gone.origin}/mcp: it could not be reached (connection refused)`,
    );
    await expect(connectMcpTools(files(`${open.origin}/mcp`), { signal: signal(), only: ["add", "delete"] })).rejects.toThrow(
      /MCP server "Files" at .*: it has no tool named "delete" \(its tools: add, text\.upper, fail, slow\)/,
    );
    await expect(connectMcpTools(files("ftp://127.0.0.1/x"), { signal: signal() })).rejects.toThrow('MCP server "Files" at ftp://127.0.0.1/x: the URL "ftp://127.0.0.1/x" must start with http:// or https://');
    await expect(connectMcpTools(files(`${open.origin}/mcp`, { headers: { "X-A": "1\r\nX-B: 2" } }), { signal: signal() })).rejects.toThrow(/the header "X-A" must be on one line/);
  });

  it("over SSE too: a closed port, a server that never answers and one that is not an MCP server (either transport) fail with the reason", async () => {
    const gone = await startMcpServer();
    await gone.close();
    await expect(connectMcpTools(files(`${gone.origin}/sse`, { transport: "sse" }), { signal: signal() })).rejects.toThrow(
      `MCP server "Files" at ${gone.origin}/sse: it could not be reached (connection refused)`,
    );
    const other = await startLocalServer();
    try {
      // Accepts the connection and never answers: the step's time limit still ends the wait.
      other.handle(() => new Promise(() => {}));
      const started = Date.now();
      await expect(connectMcpTools(files(`${other.url}/sse`, { transport: "sse" }), { signal: AbortSignal.timeout(300) })).rejects.toThrow(
        `MCP server "Files" at ${other.url}/sse: it did not answer within the time limit`,
      );
      expect(Date.now() - started).toBeLessThan(3_000);
      other.handle((_req, res) => void res.writeHead(200, { "content-type": "text/plain" }).end("ok"));
      await expect(connectMcpTools(files(`${other.url}/sse`, { transport: "sse" }), { signal: signal() })).rejects.toThrow(
        `MCP server "Files" at ${other.url}/sse: it answered HTTP 200, but not as an MCP server: check the URL and the transport`,
      );
      await expect(connectMcpTools(files(`${other.url}/mcp`), { signal: signal() })).rejects.toThrow(
        `MCP server "Files" at ${other.url}/mcp: it answered with text/plain, not as an MCP server: check the URL and the transport`,
      );
    } finally {
      await other.close();
    }
  });

  it("is bounded by the signals: a slow call fails at its time limit, an aborted step cannot connect", async () => {
    const set = await connectMcpTools(files(`${open.origin}/mcp`), { signal: signal(), only: ["slow"] });
    try {
      const started = Date.now();
      const outcome = await set.tools[0].call({ ms: 5_000 }, AbortSignal.timeout(200));
      expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining('tool "slow": it did not answer within the time limit') });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await set.close();
    }
    await expect(connectMcpTools(files(`${open.origin}/mcp`), { signal: AbortSignal.abort() })).rejects.toThrow(/MCP server "Files" at .*: the step was stopped before it answered/);
  });
});
