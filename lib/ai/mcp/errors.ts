// Why talking to an MCP server failed, in words a designer can act on: the SDK's errors carry
// an HTTP status (StreamableHTTPError, SseError: `code`), a JSON-RPC code (McpError) or a
// network cause (fetch's TypeError with `cause.code`).
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";

const NETWORK: Record<string, string> = {
  ECONNREFUSED: "it could not be reached (connection refused)",
  ENOTFOUND: "it could not be reached (no such host)",
  ECONNRESET: "the connection was reset",
  ETIMEDOUT: "it could not be reached (connection timed out)",
  EHOSTUNREACH: "it could not be reached (host unreachable)",
};

function statusReason(status: number): string {
  if (status === 401) return "it refused the credentials (HTTP 401 Unauthorized): check the credential set for it";
  if (status === 403) return "it refused access (HTTP 403 Forbidden): the credential may not use it";
  if (status === 404) return "nothing answers at this address (HTTP 404): check the URL and the transport";
  return `it answered HTTP ${status}`;
}

export function describeMcpFailure(error: unknown, signal?: AbortSignal): string {
  if (signal?.aborted) {
    const reason = signal.reason as { name?: string } | undefined;
    return reason?.name === "TimeoutError" ? "it did not answer within the time limit" : "the step was stopped before it answered";
  }
  if (error instanceof McpError) {
    if (error.code === ErrorCode.RequestTimeout) return "it did not answer in time";
    if (error.code === ErrorCode.ConnectionClosed) return "it closed the connection";
    return error.message;
  }
  const e = error as { code?: unknown; message?: string; cause?: { code?: string; message?: string } };
  if (typeof e.code === "number" && e.code >= 100 && e.code < 600) return statusReason(e.code);
  const network = e.cause?.code ?? (typeof e.code === "string" ? e.code : undefined);
  if (network && NETWORK[network]) return NETWORK[network];
  const message = e.cause?.message ?? e.message ?? String(error);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
