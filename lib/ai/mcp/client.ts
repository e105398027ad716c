import "server-only";
// An agent step's MCP tools: connects to one MCP server (streamable HTTP or SSE), lists its tools
// and turns each into an AgentTool whose call is the server's tools/call. The connection stays
// open for the step and is closed by ToolSet.close(). Every failure to connect names the server
// and its address, because the step's error is all a designer sees of it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { AgentTool, ToolSet } from "@/lib/ai/agent/tool";
import { safeToolName, uniqueToolName } from "@/lib/ai/agent/tool-name";
import { describeUrl, headerValueProblem, parseOutboundUrl } from "@/lib/http/outbound-url";
import { describeMcpFailure } from "./errors";
import { toolParameters, toolResult } from "./tool-shape";

export interface McpServerRef {
  name: string;
  url: string;
  transport: "streamable-http" | "sse";
  headers?: Record<string, string>;
}

export interface ConnectOptions {
  /** Bounds connecting and listing, and every call after (the step's time limit). */
  signal: AbortSignal;
  /** Only these of the server's tools (by the server's names or the names the model sees); all when absent. */
  only?: string[];
}

const CLIENT_INFO = { name: "switchyard-agent", version: "1.0.0" };

function transportFor(server: McpServerRef, url: URL): Transport {
  const requestInit: RequestInit = { headers: server.headers ?? {} };
  return server.transport === "sse" ? new SSEClientTransport(url, { requestInit }) : new StreamableHTTPClientTransport(url, { requestInit });
}

/**
 * `work`, or the signal's reason as soon as it aborts. The SSE transport does not watch the
 * signal while it waits for its stream to open: a server that accepts the connection and never
 * answers would hold the step past its time limit.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export async function connectMcpTools(server: McpServerRef, options: ConnectOptions): Promise<ToolSet> {
  const checked = parseOutboundUrl(server.url);
  const where = `MCP server "${server.name}" at ${checked.ok ? describeUrl(checked.url) : server.url}`;
  if (!checked.ok) throw new Error(`${where}: ${checked.message}`);
  for (const [key, value] of Object.entries(server.headers ?? {})) {
    const problem = headerValueProblem(key, value);
    if (problem) throw new Error(`${where}: ${problem}`);
  }

  const client = new Client(CLIENT_INFO);
  const close = async () => {
    await client.close().catch(() => {});
  };
  // An abort (the step's time limit, a cancelled run) also drops the connection at once.
  const onAbort = () => void close();
  options.signal.addEventListener("abort", onAbort, { once: true });

  let listed: Awaited<ReturnType<Client["listTools"]>>["tools"] = [];
  try {
    options.signal.throwIfAborted();
    await untilAborted(client.connect(transportFor(server, checked.url), { signal: options.signal }), options.signal);
    for (let cursor: string | undefined, pages = 0; pages < 20; pages++) {
      const page = await client.listTools(cursor ? { cursor } : {}, { signal: options.signal });
      listed.push(...page.tools);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
  } catch (error) {
    options.signal.removeEventListener("abort", onAbort);
    await close();
    throw new Error(`${where}: ${describeMcpFailure(error, options.signal)}`);
  }

  if (options.only) {
    // A designer may write a tool's name as the server spells it ("text.upper") or as the
    // transcript shows it to the model ("text_upper").
    const named = (name: string, tool: { name: string }) => tool.name === name || safeToolName(tool.name) === name;
    const missing = options.only.filter((name) => !listed.some((t) => named(name, t)));
    if (missing.length) {
      options.signal.removeEventListener("abort", onAbort);
      await close();
      const has = listed.map((t) => t.name).join(", ") || "none";
      throw new Error(`${where}: it has no tool named ${missing.map((m) => `"${m}"`).join(", ")} (its tools: ${has})`);
    }
    listed = listed.filter((t) => options.only!.some((name) => named(name, t)));
  }

  const taken = new Set<string>();
  const tools: AgentTool[] = listed.map((tool) => ({
    name: uniqueToolName(tool.name, taken),
    description: tool.description ?? tool.title ?? tool.name,
    parameters: toolParameters(tool.inputSchema),
    kind: "mcp",
    source: `MCP server ${server.name}`,
    async call(args, signal) {
      const both = AbortSignal.any([signal, options.signal]);
      try {
        const result = await client.callTool({ name: tool.name, arguments: args }, undefined, { signal: both });
        return toolResult(result, { server: server.name, tool: tool.name });
      } catch (error) {
        return { ok: false, error: `${where}, tool "${tool.name}": ${describeMcpFailure(error, both)}`, meta: { server: server.name, tool: tool.name } };
      }
    },
  }));

  return {
    tools,
    async close() {
      options.signal.removeEventListener("abort", onAbort);
      await close();
    },
  };
}
