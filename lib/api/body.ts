// Reading a request's JSON body with a size cap that stops reading as soon as it is passed.
import { isJsonContentType, readCapped } from "@/lib/http/response";
import { ApiError } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The parsed body, or undefined when the request has none. */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const length = request.headers.get("content-length");
  if (!request.body || length === "0") return undefined;
  const type = request.headers.get("content-type");
  if (type && !isJsonContentType(type)) throw new ApiError("unsupported_media_type", `Send the body as JSON with Content-Type: application/json (got ${type.slice(0, 80)}).`);
  const capped = await readCapped(new Response(request.body, { headers: length ? { "content-length": length } : {} }), maxBytes);
  if (!capped.ok) throw new ApiError("payload_too_large", `The body is larger than ${maxBytes / 1024 / 1024} MB.`, { limitBytes: maxBytes });
  const text = new TextDecoder("utf-8").decode(capped.bytes);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError("invalid_request", `The body is not valid JSON: ${(error as Error).message}`, [{ in: "body", path: "", message: "not valid JSON" }]);
  }
}
