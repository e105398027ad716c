// The run input of a webhook delivery: { body, headers, query, method }, plus each input field
// the Start node declares, taken from the body (a JSON object or a form) or else from the query,
// so a workflow whose Start node asks for `amount` gets `amount` and its checks apply exactly as
// for a run started by hand. Headers that carry secrets never reach the run.
import type { InputField } from "@/lib/runtime/run-input";
import { SIGNATURE_HEADER } from "./auth";

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", SIGNATURE_HEADER]);

export interface WebhookRequestParts {
  method: string;
  headers: Headers;
  url: URL;
  body: unknown;
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

/** A form or query value is text: a number or boolean Start field gets it converted when it reads as one. */
function coerce(field: InputField, value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (field.type === "number" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  if (field.type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

export function webhookInput(parts: WebhookRequestParts, fields: readonly InputField[]): Record<string, unknown> {
  const headers: Record<string, string> = {};
  parts.headers.forEach((value, key) => {
    if (!SECRET_HEADERS.has(key.toLowerCase())) headers[key.toLowerCase()] = value;
  });
  const query = queryObject(parts.url);
  const input: Record<string, unknown> = { body: parts.body, headers, query, method: parts.method };
  const source = parts.body && typeof parts.body === "object" && !Array.isArray(parts.body) ? (parts.body as Record<string, unknown>) : {};
  for (const field of fields) {
    if (field.name in input) continue; // body, headers, query and method keep their meaning
    const value = field.name in source ? source[field.name] : query[field.name];
    if (value !== undefined) input[field.name] = coerce(field, value);
  }
  return input;
}
