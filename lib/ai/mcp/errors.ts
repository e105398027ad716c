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

const NETWORK_IN_TEXT = new RegExp(`\\b(${Object.keys(NETWORK).join("|")})\\b`);

function statusReason(status: number): string {
  if (status === 401) return "it refused the credentials (HTTP 401 Unauthorized): check the credential set for it";
  if (status === 403) return "it refused access (HTTP 403 Forbidden): the credential may not use it";
  if (status === 404) return "nothing answers at this address (HTTP 404): check the URL and the transport";
  // The SSE transport reports a stream that would not open with the status it came with, even 200.
  if (status < 400) return `it answered HTTP ${status}, but not as an MCP server: check the URL and the transport`;
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
  // The SSE transport keeps only the text of fetch's error ("SSE error: TypeError: fetch failed: connect ECONNREFUSED …").
  const network = e.cause?.code ?? (typeof e.code === "string" ? e.code : undefined) ?? NETWORK_IN_TEXT.exec(e.message ?? "")?.[1];
  if (network && NETWORK[network]) return NETWORK[network];
  const message = e.cause?.message ?? e.message ?? String(error);
  // Streamable HTTP at an address that answers, but not as an MCP server (a web page, plain text).
  const contentType = /Unexpected content type: ([^\s;]+)/.exec(message)?.[1];
  if (contentType) return `it answered with ${contentType}, not as an MCP server: check the URL and the transport`;
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
