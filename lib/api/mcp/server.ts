import "server-only";
// /api/mcp: the workflows marked "Available to AI assistants" as MCP tools, for outside
// assistants (Claude, ChatGPT, IDEs). Streamable HTTP in stateless mode: every request is
// authenticated with an API key exactly like /api/v1 and gets its own MCP server, so nothing is
// kept between requests and any app process can answer. tools/call runs the published version
// as the key's owner and answers with the End output, or after the time limit with the run id
// and status to follow it at /api/v1/runs/{id}.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { LoadedActor } from "@/lib/auth/actor";
import { clientIp } from "@/lib/auth/client-ip";
import { runWorkflowAsTool, type ToolRun } from "@/lib/workflows/as-tool";
import { authenticateApiRequest } from "../endpoint";
import { ApiError, errorResponse } from "../errors";
import { assistantTools } from "./catalog";
import { MCP_CALL_WAIT_MS } from "./limits";

/** What every tools/call answers in structuredContent (declared as each tool's outputSchema). */
const OUTPUT_SCHEMA = {
  type: "object" as const,
  properties: {
    runId: { type: "string", description: "The run, at GET /api/v1/runs/{runId}." },
    status: { type: "string", enum: ["completed", "failed", "cancelled", "pending", "running", "paused"] },
    output: { description: "The End node's output, when the run completed." },
    error: { type: "string", description: "Why the run failed or was cancelled." },
  },
  required: ["runId", "status"],
};

function resultOf(run: ToolRun, name: string, waitMs: number): CallToolResult {
  const text = (t: string) => [{ type: "text" as const, text: t }];
  switch (run.status) {
    case "refused":
      return { isError: true, content: text(run.message) };
    case "completed":
      return { content: text(JSON.stringify(run.output ?? null)), structuredContent: { runId: run.runId, status: "completed", output: run.output ?? null } };
    case "failed":
    case "cancelled":
      return { isError: true, content: text(`The run of "${name}" ${run.status}: ${run.message}`), structuredContent: { runId: run.runId, status: run.status, error: run.message } };
    default:
      return {
        content: text(`The run ${run.runId} of "${name}" is still ${run.status} after ${waitMs >= 1_000 ? `${Math.round(waitMs / 1_000)} s` : `${waitMs} ms`}. Follow it at GET /api/v1/runs/${run.runId}.`),
        structuredContent: { runId: run.runId, status: run.status },
      };
  }
}

function mcpServer(actor: LoadedActor, keyId: string, request: Request, waitMs: number): Server {
  const server = new Server({ name: "switchyard-workflows", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: (await assistantTools(actor)).map((t) => ({ name: t.toolName, title: t.name, description: t.description, inputSchema: t.parameters, outputSchema: OUTPUT_SCHEMA })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (call, extra) => {
    const tool = (await assistantTools(actor)).find((t) => t.toolName === call.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `No tool named "${call.params.name}": it is not a published workflow marked "Available to AI assistants" that you may run.`);
    const run = await runWorkflowAsTool({
      actor,
      workflowId: tool.id,
      args: call.params.arguments ?? {},
      keyId,
      request: { ipAddress: clientIp(request.headers), userAgent: request.headers.get("user-agent") },
      signal: AbortSignal.any([extra.signal, AbortSignal.timeout(waitMs)]),
    });
    return resultOf(run, tool.name, waitMs);
  });
  return server;
}

/**
 * GET (a stream for server-sent messages) and DELETE (ending a session) mean nothing without
 * sessions; MCP clients take 405 as "not offered" and go on with POST alone.
 */
export function mcpMethodNotAllowed(): Response {
  const body = { jsonrpc: "2.0", error: { code: ErrorCode.ConnectionClosed, message: "This MCP endpoint is stateless: send JSON-RPC requests with POST." }, id: null };
  return Response.json(body, { status: 405, headers: { Allow: "POST" } });
}

/** The route handler's body; `waitMs` is shorter in tests. */
export async function handleMcpRequest(request: Request, options: { waitMs?: number } = {}): Promise<Response> {
  try {
    const { actor, keyId } = await authenticateApiRequest(request, "workflows:view");
    const server = mcpServer(actor, keyId, request, options.waitMs ?? MCP_CALL_WAIT_MS);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request);
    } finally {
      // Stateless and answered as JSON: the response is complete, nothing waits on this server.
      await server.close();
    }
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    console.error("[api] /api/mcp failed:", error);
    return errorResponse(new ApiError("internal", "Something went wrong on our side. Nothing was changed by the failed step; try again."));
  }
}
