// Why a fetch() failed, in words, for step errors and logs (the HTTP step and agent HTTP tools).

/** "connection refused (ECONNREFUSED)" rather than fetch's bare "fetch failed". */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const known: Record<string, string> = {
    ECONNREFUSED: "the connection was refused",
    ECONNRESET: "the connection was reset",
    ENOTFOUND: "the host name was not found",
    EAI_AGAIN: "the host name could not be looked up",
    ETIMEDOUT: "the connection timed out",
    UND_ERR_SOCKET: "the connection closed unexpectedly",
  };
  if (cause?.code) return `${known[cause.code] ?? cause.message ?? "network error"} (${cause.code})`;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
