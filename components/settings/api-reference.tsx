import "server-only";
// The REST API reference, rendered from the endpoint definitions and the same helpers that
// build /api/v1/openapi.json, so the page and the document say the same thing.
import { API_ERRORS } from "@/lib/api/errors";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { API_BASE_PATH, curlExample, errorsOf, jsonSchema, parametersOf } from "@/lib/api/openapi";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { DEFAULT_REQUESTS_PER_MINUTE } from "@/lib/api/rate-limit";
import type { Endpoint } from "@/lib/api/endpoint";
import { MCP_CALL_WAIT_MS, MCP_PATH } from "@/lib/api/mcp/limits";

const METHOD_TONES: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  POST: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
};

const card = "rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";
const pre = "overflow-x-auto rounded-md bg-zinc-950 p-3 font-mono text-xs leading-relaxed text-zinc-100";

const anchorOf = (e: Endpoint<unknown, unknown, unknown, unknown>) => e.operationId;

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).join(" | ");
  return String(schema.type ?? "any");
}

export function ApiReference({ origin }: { origin: string }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Endpoints" className="lg:sticky lg:top-4 lg:self-start">
        <ul className="space-y-1 text-sm">
          <li><a href="#authentication" className="text-zinc-600 hover:underline dark:text-zinc-300">Authentication</a></li>
          <li><a href="#errors" className="text-zinc-600 hover:underline dark:text-zinc-300">Errors</a></li>
          <li><a href="#mcp" className="text-zinc-600 hover:underline dark:text-zinc-300">AI assistants (MCP)</a></li>
          {ENDPOINTS.map((e) => (
            <li key={anchorOf(e)}>
              <a href={`#${anchorOf(e)}`} className="text-zinc-600 hover:underline dark:text-zinc-300">{e.summary}</a>
            </li>
          ))}
          <li><a href="/api/v1/openapi.json" className="font-medium text-accent-700 hover:underline dark:text-accent-100">openapi.json</a></li>
        </ul>
      </nav>
      <div className="min-w-0 space-y-6">
        <section id="authentication" className={card}>
          <h2 className="text-base font-semibold">Authentication and limits</h2>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">
            Create a key under Settings → API keys and send it on every request. A key acts as you, with exactly the rights you have in the app, checked again on
            each request: it stops working when it expires, when you revoke it, or when your account is deactivated. Base URL: <code>{origin}{API_BASE_PATH}</code>.
          </p>
          <pre className={`${pre} mt-3`}>{`Authorization: Bearer sy_live_…`}</pre>
          <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-300">
            Bodies are JSON (<code>Content-Type: application/json</code>), at most {MAX_BODY_BYTES / 1024 / 1024} MB. Each key may send {DEFAULT_REQUESTS_PER_MINUTE} requests a
            minute per app process; above that the answer is 429 with <code>Retry-After</code>.
          </p>
        </section>
        <section id="errors" className={card}>
          <h2 className="text-base font-semibold">Errors</h2>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">
            Every refusal has the same body; <code>code</code> is stable, <code>details</code> says where a request was refused.
          </p>
          <pre className={`${pre} mt-3`}>{`{ "error": { "code": "validation_failed", "message": "…", "details": [{ "in": "body", "path": "input.amount", "message": "Amount must be a number" }] } }`}</pre>
          <table className="mt-3 w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-zinc-500">
              <tr><th className="py-2 pr-4 font-medium">Status</th><th className="py-2 pr-4 font-medium">Code</th><th className="py-2 font-medium">When</th></tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {Object.entries(API_ERRORS).map(([code, { status, description }]) => (
                <tr key={code}>
                  <td className="py-2 pr-4 font-mono">{status}</td>
                  <td className="py-2 pr-4 font-mono">{code}</td>
                  <td className="py-2 text-zinc-600 dark:text-zinc-300">{description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <McpSection origin={origin} />
        {ENDPOINTS.map((e) => (
          <EndpointCard key={anchorOf(e)} endpoint={e} origin={origin} />
        ))}
      </div>
    </div>
  );
}

function EndpointCard({ endpoint, origin }: { endpoint: Endpoint<unknown, unknown, unknown, unknown>; origin: string }) {
  const parameters = [...parametersOf(endpoint.params, "path"), ...parametersOf(endpoint.query, "query")];
  return (
    <section id={anchorOf(endpoint)} className={card} data-testid={`api-doc-${endpoint.operationId}`}>
      <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-xs ${METHOD_TONES[endpoint.method] ?? ""}`}>{endpoint.method}</span>
        <code className="font-mono text-sm">{API_BASE_PATH}{endpoint.path}</code>
      </h2>
      <p className="mt-1 text-sm font-medium">{endpoint.summary}</p>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">{endpoint.description}</p>
      {parameters.length > 0 && (
        <table className="mt-4 w-full text-left text-sm">
          <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-zinc-500">Parameters</caption>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`}>
                <td className="py-2 pr-3 font-mono">{p.name}</td>
                <td className="py-2 pr-3 text-zinc-500">{p.in}{p.required ? ", required" : ""}</td>
                <td className="py-2 pr-3 font-mono text-xs">{typeOf(p.schema)}</td>
                <td className="py-2 text-zinc-600 dark:text-zinc-300">{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {endpoint.body && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium">Request body (JSON Schema)</summary>
          <pre className={`${pre} mt-2`}>{JSON.stringify(jsonSchema(endpoint.body, "input"), null, 2)}</pre>
        </details>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium">Response {endpoint.status ?? 200} (JSON Schema)</summary>
        <pre className={`${pre} mt-2`}>{JSON.stringify(jsonSchema(endpoint.response, "output"), null, 2)}</pre>
      </details>
      <p className="mt-3 text-sm">
        <span className="font-medium">Errors: </span>
        {errorsOf(endpoint).map((code) => (
          <code key={code} className="mr-2 whitespace-nowrap text-xs">{API_ERRORS[code].status} {code}</code>
        ))}
      </p>
      <pre className={`${pre} mt-3`} data-testid={`curl-${endpoint.operationId}`}>{curlExample(endpoint, origin)}</pre>
    </section>
  );
}

/** /api/mcp is not REST (one JSON-RPC endpoint), so it is described here rather than in the endpoint list. */
function McpSection({ origin }: { origin: string }) {
  const config = { mcpServers: { switchyard: { type: "http", url: `${origin}${MCP_PATH}`, headers: { Authorization: "Bearer sy_live_…" } } } };
  return (
    <section id="mcp" className={card} data-testid="api-doc-mcp">
      <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-xs ${METHOD_TONES.POST}`}>POST</span>
        <code className="font-mono text-sm">{MCP_PATH}</code>
      </h2>
      <p className="mt-1 text-sm font-medium">Workflows as tools for AI assistants (Model Context Protocol)</p>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
        An MCP server over streamable HTTP (stateless: POST only), authenticated with the same API keys. Its tools are the published workflows marked
        &ldquo;Available to AI assistants&rdquo; (workflow settings on the canvas) that the key&rsquo;s owner may run. A tool&rsquo;s input schema is the
        workflow&rsquo;s Start fields; a call runs the published version as the owner and answers with the End output (as text and as{" "}
        <code>structuredContent: {"{ runId, status, output }"}</code>), a failed run as a tool error, and a run still going after {MCP_CALL_WAIT_MS / 1000} s with
        its <code>runId</code> and <code>status</code> to follow at <code>{API_BASE_PATH}/runs/{"{runId}"}</code>. Without a valid key the answer is 401 like the REST API.
      </p>
      <p className="mt-3 text-sm font-medium">An assistant&rsquo;s configuration</p>
      <pre className={`${pre} mt-2`}>{JSON.stringify(config, null, 2)}</pre>
    </section>
  );
}
