// A webhook body as the run sees it: JSON (application/json, +json), a form
// (application/x-www-form-urlencoded: repeated names become lists) or text (text/*). A body that
// is not what its Content-Type says is refused with a message; nothing else is accepted.
import { isJsonContentType } from "@/lib/http/response";

export type ParsedBody = { ok: true; body: unknown } | { ok: false; status: 400 | 415; message: string };

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

export function parseBody(bytes: Uint8Array, contentType: string | null): ParsedBody {
  if (bytes.byteLength === 0) return { ok: true, body: null };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, message: "The body is not valid UTF-8 text." };
  }
  const type = mediaType(contentType);
  if (isJsonContentType(contentType)) {
    try {
      return { ok: true, body: JSON.parse(text) };
    } catch (error) {
      return { ok: false, status: 400, message: `The body says it is JSON (Content-Type: ${type}) but does not parse: ${(error as Error).message}` };
    }
  }
  if (type === "application/x-www-form-urlencoded") {
    const form: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      const had = form[key];
      form[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
    }
    return { ok: true, body: form };
  }
  if (type.startsWith("text/") || type === "") return { ok: true, body: text };
  return { ok: false, status: 415, message: `Content-Type ${type} is not accepted: send application/json, application/x-www-form-urlencoded or text/*.` };
}
