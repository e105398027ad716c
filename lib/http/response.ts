// Reading an HTTP response safely: a byte cap that stops the download as soon as it is passed,
// JSON when the response says it is JSON, and the Retry-After header as milliseconds.

export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** The longest Retry-After we honour; a server asking for more gets this. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; receivedBytes: number; declared?: number };

/**
 * Reads the body (of a response, or of a request: webhooks) up to `maxBytes`. Refuses at once when Content-Length says it is larger, and
 * cancels the stream when more arrives than allowed, so a huge answer never sits in memory.
 */
export async function readCapped(response: Pick<Response, "headers" | "body">, maxBytes = MAX_RESPONSE_BYTES): Promise<CappedBody> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, receivedBytes: 0, declared };
  }
  if (!response.body) return { ok: true, bytes: new Uint8Array() };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, receivedBytes: received };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export function isJsonContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(";")[0].trim().toLowerCase();
  return type === "application/json" || type.endsWith("+json");
}

/** The body as JSON when the response says it is JSON (and it parses), else as text. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): { body: unknown; note?: string } {
  const text = new TextDecoder("utf-8").decode(bytes);
  if (!isJsonContentType(contentType) || text.trim() === "") return { body: text };
  try {
    return { body: JSON.parse(text) };
  } catch {
    return { body: text, note: "the response said it was JSON but did not parse; kept as text" };
  }
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
  else {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS);
}

/** Response headers in the database-safe shape: a list, never header names as keys. */
export function headerList(headers: Headers): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  headers.forEach((value, key) => out.push({ key, value }));
  return out;
}

/** A short excerpt of a body for error messages and the run page. */
export function excerpt(body: unknown, max = 2_000): string {
  const text = typeof body === "string" ? body : JSON.stringify(body) ?? "";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
