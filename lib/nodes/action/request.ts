// Builds the HTTP request of an action step from its config: templates rendered, the
// credential's headers added, an Idempotency-Key per step and a sensible Content-Type.
import type { ExecutorContext } from "@/lib/engine/executor";
import type { StepError } from "@/lib/engine/state";
import { credentialHeaders } from "@/lib/credentials/apply";
import type { RevealedCredential } from "@/lib/credentials/kinds";
import { headerValueProblem, parseOutboundUrl } from "@/lib/http/outbound-url";
import type { RuntimeServices } from "@/lib/runtime/services";
import type { ActionConfig } from "./definition";

export interface PreparedRequest {
  method: ActionConfig["method"];
  url: URL;
  headers: Headers;
  body?: string;
}

export type Prepared = { ok: true; request: PreparedRequest } | { ok: false; error: StepError };

const refuse = (message: string, code: string, path?: string): Prepared => ({ ok: false, error: { message, code, path } });

/** Renders the URL, header values and body; throws ExpressionFailure for a failing template (the engine reports it). */
export async function prepareRequest(
  ctx: Pick<ExecutorContext, "expressions" | "idempotencyKey">,
  config: ActionConfig,
  credential: RevealedCredential | null,
  secrets: Pick<RuntimeServices["secrets"], "fill">,
): Promise<Prepared> {
  const rendered = (await ctx.expressions.render(config.url, { path: "url", label: "the URL" })).trim();
  const checked = parseOutboundUrl(rendered);
  if (!checked.ok) return refuse(checked.message, "bad_url", "url");
  const url = checked.url;

  const headers = new Headers();
  for (const [i, header] of config.headers.entries()) {
    const rendered = await ctx.expressions.render(header.value, { path: `headers.${i}.value`, label: `the header "${header.key}"` });
    // Secret variables ($vars.x) render as markers; their values are put in only here, so they
    // reach the remote server and never the run's records.
    const filled = await secrets.fill(rendered);
    if (!filled.ok) return refuse(`the header "${header.key}": ${filled.message}`, "secret_variable", `headers.${i}.value`);
    const value = filled.text;
    const problem = headerValueProblem(header.key, value);
    if (problem) return refuse(problem, "bad_header", `headers.${i}.value`);
    headers.set(header.key, value);
  }
  if (credential) {
    const applied = credentialHeaders(credential);
    if (!applied.ok) return refuse(applied.message, "bad_credential", "credentialId");
    for (const h of applied.headers) headers.set(h.key, h.value);
  }
  // The same key when a crashed attempt is replayed, so a server that honours it runs the call once.
  if (!headers.has("idempotency-key")) headers.set("Idempotency-Key", ctx.idempotencyKey);

  let body: string | undefined;
  if (config.method !== "GET" && config.method !== "HEAD" && config.body.trim() !== "") {
    body = await ctx.expressions.render(config.body, { path: "body", label: "the body" });
    if (!headers.has("content-type")) headers.set("Content-Type", looksLikeJson(body) ? "application/json" : "text/plain; charset=utf-8");
  }
  return { ok: true, request: { method: config.method, url, headers, body } };
}

function looksLikeJson(text: string): boolean {
  const t = text.trim();
  if (!(t.startsWith("{") || t.startsWith("["))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}
