// Facts about /api/mcp the documentation states and the server applies.

export const MCP_PATH = "/api/mcp";

/** How long tools/call waits for the run before answering with its id and status. */
export const MCP_CALL_WAIT_MS = 25_000;
