// Turns what the AI SDK throws into a step error: 429, 5xx, timeouts and network failures are
// retryable (with the provider's Retry-After); a 4xx or a missing key is not. The engine does
// the retrying, durably; the SDK's own retries are off.
import { APICallError, LoadAPIKeyError, NoObjectGeneratedError, RetryError } from "ai";
import type { StepError } from "@/lib/engine/state";
import { retryAfterMs } from "@/lib/http/response";

export interface ClassifiedError {
  error: StepError;
  retryable: boolean;
  retryAfterMs?: number;
}

function providerMessage(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === "string" ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof message === "string" && message.trim() !== "") return message.trim().slice(0, 500);
  } catch {
    // not JSON: show the start of the text
  }
  return body.trim().slice(0, 300) || undefined;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : null;
}

export function classifyAiError(thrown: unknown, where: string, now: number, timeoutMs: number): ClassifiedError {
  const error = RetryError.isInstance(thrown) ? thrown.lastError : thrown;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const said = providerMessage(error.responseBody);
    if (status === undefined) {
      return { retryable: true, error: { message: `${where} could not be reached: ${error.message}`, code: "ai_network" } };
    }
    const message = `${where} answered ${status}${said ? `: ${said}` : ""}`;
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
    const headers = error.responseHeaders;
    const fromMs = Number(headerValue(headers, "retry-after-ms"));
    const wait = Number.isFinite(fromMs) && fromMs > 0 ? fromMs : retryAfterMs(headerValue(headers, "retry-after"), now);
    return {
      retryable,
      ...(retryable && wait !== undefined ? { retryAfterMs: wait } : {}),
      error: { message, code: status === 429 ? "ai_rate_limited" : `ai_http_${status}`, details: { status, body: said } },
    };
  }
  if (LoadAPIKeyError.isInstance(error)) {
    return { retryable: false, error: { message: `${where} has no API key: choose a credential in the step's settings`, code: "ai_no_key", path: "credentialId" } };
  }
  if (NoObjectGeneratedError.isInstance(error)) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return {
      retryable: true,
      error: { message: `${where} answered, but not with JSON that follows the schema${cause}`, code: "ai_bad_json", details: { text: error.text?.slice(0, 2_000) } },
    };
  }
  const name = (error as { name?: string } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return { retryable: true, error: { message: `${where} did not answer within ${timeoutMs} ms`, code: "ai_timeout" } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { retryable: true, error: { message: `${where} failed: ${message}`, code: "ai_failed" } };
}
