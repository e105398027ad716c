// The rules every outbound call a workflow makes follows (the HTTP action step, an agent's MCP
// servers): an absolute http(s) address, and header values on one line. One home, so a rule
// added here (say, a blocked host) applies to every path out at once.

export type OutboundUrl = { ok: true; url: URL } | { ok: false; message: string };

export function parseOutboundUrl(raw: string): OutboundUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `the URL "${raw}" is not a valid address` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, message: `the URL "${raw}" must start with http:// or https://` };
  return { ok: true, url };
}

/** A header value with a line break would let a template smuggle in another header. */
export function headerValueProblem(name: string, value: string): string | null {
  return /[\r\n\0]/.test(value) ? `the header "${name}" must be on one line, but its value contains a line break` : null;
}

/** For logs and errors: the address without its query, which may hold a token. */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}${url.search ? "?…" : ""}`;
}
