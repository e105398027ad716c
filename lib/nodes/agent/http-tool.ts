// An HTTP tool described on the agent step, built on the HTTP step's machinery: the same
// request preparation (templates, secret variables, the credential's headers, an
// Idempotency-Key), the same 5 MB response cap and body decoding. In the tool's templates
// `args` holds the model's arguments ({{ args.city }}); other names read the data flowing in,
// as everywhere else. A failure is the tool's result, for the model to read, never a throw.
import "server-only";
import type { AgentTool, ToolOutcome, ToolParameters } from "@/lib/ai/agent/tool";
import type { ExecutorContext } from "@/lib/engine/executor";
import { ExpressionFailure } from "@/lib/engine/expressions";
import type { RevealedCredential } from "@/lib/credentials/kinds";
import type { RuntimeServices } from "@/lib/runtime/services";
import { decodeBody, excerpt, MAX_RESPONSE_BYTES, readCapped } from "@/lib/http/response";
import { networkReason } from "@/lib/http/network-reason";
import { isRecord } from "../fields";
import { describeUrl } from "@/lib/http/outbound-url";
import { prepareRequest } from "../action/request";
import type { HttpToolConfig } from "./definition";

type Ctx = ExecutorContext<Pick<RuntimeServices, "secrets">>;

const NO_PARAMETERS: ToolParameters = { type: "object", properties: {} };

/** The tool's parameters as the model is shown them; the schema passed validation when the run started. */
export function toolParameters(text: string): ToolParameters {
  if (text.trim() === "") return NO_PARAMETERS;
  const schema = JSON.parse(text) as Record<string, unknown>;
  return { ...schema, type: "object" } as ToolParameters;
}

export function httpTool(ctx: Ctx, config: HttpToolConfig, index: number, credential: RevealedCredential | null): AgentTool {
  const { name } = config;
  const at = `tools.${index}`;
  let source: string;
  try {
    source = `HTTP ${config.method} ${new URL(config.url).host}`;
  } catch {
    source = `HTTP ${config.method}`;
  }
  let calls = 0;
  return {
    name,
    description: config.description,
    parameters: toolParameters(config.parameters),
    kind: "http",
    source,
    async call(args, signal): Promise<ToolOutcome> {
      const root = { ...(isRecord(ctx.input) ? ctx.input : {}), args };
      calls += 1;
      const toolCtx = {
        // The n-th call of this tool in this attempt: a replayed attempt that makes the same calls sends the same keys.
        idempotencyKey: `${ctx.idempotencyKey}:${name}#${calls}`,
        expressions: {
          evaluate: ctx.expressions.evaluate,
          render: (template: string, site: { path?: string; label?: string } = {}) =>
            ctx.expressions.render(template, { path: `${at}.${site.path ?? ""}`, label: `${site.label ?? "a template"} of the tool "${name}"`, input: root }),
        },
      };
      let prepared;
      try {
        prepared = await prepareRequest(toolCtx, { ...config, retries: undefined }, credential, ctx.services.secrets);
      } catch (error) {
        if (error instanceof ExpressionFailure) return { ok: false, error: error.message };
        throw error;
      }
      if (!prepared.ok) return { ok: false, error: prepared.error.message };
      return send(prepared.request, config.timeoutMs, signal);
    },
  };
}

async function send(request: { method: string; url: URL; headers: Headers; body?: string }, timeoutMs: number, stepSignal: AbortSignal): Promise<ToolOutcome> {
  const where = `${request.method} ${describeUrl(request.url)}`;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.any([stepSignal, timeout]), redirect: "follow" });
    const capped = await readCapped(response, MAX_RESPONSE_BYTES);
    const status = response.status;
    if (!capped.ok) return { ok: false, error: `${where} answered with a body larger than 5 MB; a tool reads at most 5 MB`, meta: { status } };
    const { body } = decodeBody(capped.bytes, response.headers.get("content-type"));
    if (status >= 400) {
      const shown = excerpt(body, 500);
      return { ok: false, error: `${where} answered ${status}${response.statusText ? ` ${response.statusText}` : ""}${shown ? `: ${shown}` : ""}`, meta: { status } };
    }
    return { ok: true, result: { status, body }, meta: { status } };
  } catch (error) {
    if (stepSignal.aborted) throw error;
    if (timeout.aborted) return { ok: false, error: `${where} did not answer within ${timeoutMs} ms` };
    return { ok: false, error: `${where} failed: ${networkReason(error)}` };
  }
}
