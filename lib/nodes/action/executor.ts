// The HTTP request step. One attempt per call: a 429, a 5xx, a timeout or a network failure is
// returned as a retryable error (with the server's Retry-After), so retries are durable steps of
// the run, not loops inside one attempt; other 4xx answers and bad config are not retryable.
import "server-only";
import type { NodeExecutor, StepResult } from "@/lib/engine/executor";
import type { StepError } from "@/lib/engine/state";
import type { RuntimeServices } from "@/lib/runtime/services";
import { decodeBody, excerpt, headerList, MAX_RESPONSE_BYTES, readCapped, retryAfterMs } from "@/lib/http/response";
import type { ActionConfig } from "./definition";
import { describeUrl } from "@/lib/http/outbound-url";
import { networkReason } from "@/lib/http/network-reason";
import { prepareRequest } from "./request";

type Services = Pick<RuntimeServices, "run" | "credentials" | "secrets">;

const fail = (error: StepError, retryable: boolean, retryAfter?: number): StepResult => ({
  kind: "error",
  error,
  retryable,
  ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
});

/** 408, 429 and 5xx may pass on their own; any other 4xx will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export const actionExecutor: NodeExecutor<Services> = async (ctx) => {
  const config = ctx.config as ActionConfig;
  let credential = null;
  if (config.credentialId) {
    credential = await ctx.services.credentials.reveal(config.credentialId);
    if (!credential) {
      return fail({ message: "the chosen credential no longer exists; choose another in the step's settings", code: "credential_missing", path: "credentialId" }, false);
    }
    if ("refused" in credential) return fail({ message: credential.message, code: "credential_forbidden", path: "credentialId" }, false);
  }
  const prepared = await prepareRequest(ctx, config, credential, ctx.services.secrets);
  if (!prepared.ok) return fail(prepared.error, false);
  const { method, url, headers, body } = prepared.request;
  const where = `${method} ${describeUrl(url)}`;
  const timeout = AbortSignal.timeout(config.timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);

  let response: Response;
  let capped: Awaited<ReturnType<typeof readCapped>>;
  try {
    response = await fetch(url, { method, headers, body, signal, redirect: "follow" });
    capped = await readCapped(response, MAX_RESPONSE_BYTES);
  } catch (error) {
    if (ctx.signal.aborted) return fail({ message: `${where} was stopped: the step was cancelled or ran out of time`, code: "aborted" }, false);
    if (timeout.aborted) {
      ctx.services.run.log(`${where} → no answer within ${config.timeoutMs} ms`);
      return fail({ message: `${where} did not answer within ${config.timeoutMs} ms`, code: "timeout" }, true);
    }
    const reason = networkReason(error);
    ctx.services.run.log(`${where} → ${reason}`);
    return fail({ message: `${where} failed: ${reason}`, code: "network" }, true);
  }

  const status = response.status;
  if (!capped.ok) {
    const size = capped.declared !== undefined ? `declares ${capped.declared} bytes` : `sent more than ${MAX_RESPONSE_BYTES} bytes`;
    ctx.services.run.log(`${where} → ${status}, body too large (${size}); stopped reading`);
    return fail({ message: `${where} answered with a body larger than 5 MB (it ${size}); the step reads at most 5 MB`, code: "response_too_large", details: { status } }, false);
  }
  const decoded = decodeBody(capped.bytes, response.headers.get("content-type"));
  ctx.services.run.log(`${where} → ${status} in ${elapsed()} ms (${capped.bytes.byteLength} bytes)${decoded.note ? `; ${decoded.note}` : ""}`);
  const output = { status, headers: headerList(response.headers), body: decoded.body };

  if (status < 400) return { kind: "ok", output };
  const statusText = response.statusText ? ` ${response.statusText}` : "";
  const shown = excerpt(decoded.body, 300);
  const error: StepError = {
    message: `${where} answered ${status}${statusText}${shown ? `: ${shown}` : ""}`,
    code: `http_${status}`,
    details: { ...output, body: excerpt(decoded.body) },
  };
  if (!isRetryableStatus(status)) return fail(error, false);
  return fail(error, true, retryAfterMs(response.headers.get("retry-after"), ctx.now));
};
