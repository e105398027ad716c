// Test helper: a real MCP server (the SDK's McpServer) on node:http at 127.0.0.1 and a random
// port, speaking streamable HTTP at /mcp (stateless: one server per request) and the older SSE
// transport at /sse + /messages. With `token` set, every request needs `Authorization: Bearer <token>`.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

export interface LocalMcpServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** How many tools/call requests reached a tool. */
  calls: string[];
  close(): Promise<void>;
}

function buildServer(calls: string[]): McpServer {
  const server = new McpServer({ name: "test-files", version: "1.0.0" });
  server.registerTool(
    "add",
    { description: "Adds two numbers", inputSchema: { a: z.number(), b: z.number() }, outputSchema: { sum: z.number() } },
    async ({ a, b }) => {
      calls.push("add");
      return { content: [{ type: "text", text: String(a + b) }], structuredContent: { sum: a + b } };
    },
  );
  server.registerTool("text.upper", { description: "Upper-cases a text", inputSchema: { text: z.string() } }, async ({ text }) => {
    calls.push("text.upper");
    return { content: [{ type: "text", text: text.toUpperCase() }] };
  });
  server.registerTool("fail", { description: "Always fails" }, async () => {
    calls.push("fail");
    return { content: [{ type: "text", text: "the disk is full" }], isError: true };
  });
  server.registerTool("slow", { description: "Answers after a while", inputSchema: { ms: z.number() } }, async ({ ms }) => {
    calls.push("slow");
    await new Promise((r) => setTimeout(r, ms));
    return { content: [{ type: "text", text: "done" }] };
  });
  return server;
}

export async function startMcpServer(options: { token?: string } = {}): Promise<LocalMcpServer> {
  const calls: string[] = [];
  const sse = new Map<string, SSEServerTransport>();
  const http_ = http.createServer(async (req, res) => {
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      res.writeHead(401, { "content-type": "application/json", "www-authenticate": "Bearer" }).end(JSON.stringify({ error: "unauthorized" }));
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/mcp") {
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      const server = buildServer(calls);
      res.on("close", () => void server.close());
      await server.connect(transport);
      await transport.handleRequest(req, res);
    } else if (url.pathname === "/sse" && req.method === "GET") {
      const transport = new SSEServerTransport("/messages", res);
      sse.set(transport.sessionId, transport);
      res.on("close", () => sse.delete(transport.sessionId));
      await buildServer(calls).connect(transport);
    } else if (url.pathname === "/messages" && req.method === "POST") {
      const transport = sse.get(url.searchParams.get("sessionId") ?? "");
      if (!transport) res.writeHead(404).end("no such session");
      else await transport.handlePostMessage(req, res);
    } else {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => http_.listen(0, "127.0.0.1", resolve));
  const { port } = http_.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        http_.closeAllConnections();
        http_.close(() => resolve());
      }),
  };
}
