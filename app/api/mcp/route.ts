// The MCP endpoint for AI assistants (lib/api/mcp/server.ts): streamable HTTP, stateless,
// authenticated with an API key like /api/v1.
import { handleMcpRequest, mcpMethodNotAllowed } from "@/lib/api/mcp/server";

export const dynamic = "force-dynamic";

export const POST = (request: Request) => handleMcpRequest(request);
export const GET = () => mcpMethodNotAllowed();
export const DELETE = () => mcpMethodNotAllowed();
