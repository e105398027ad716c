import "server-only";
// The OpenAPI 3.1 document of /api/v1, generated from the endpoint definitions and their zod
// schemas (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses), with a curl example per
// operation. Served at /api/v1/openapi.json and rendered at /settings/api-keys/docs.
import { z } from "zod";
import { API_ERRORS, type ApiErrorCode } from "./errors";
import { MAX_BODY_BYTES } from "./body";
import { COMMON_ERRORS, type Endpoint } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import { DEFAULT_REQUESTS_PER_MINUTE } from "./rate-limit";
import { MCP_CALL_WAIT_MS, MCP_PATH } from "./mcp/limits";

export const API_BASE_PATH = "/api/v1";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; description?: string };

export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // Nested in a document, a schema does not repeat the dialect (the document's is 2020-12).
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

export interface ParameterDoc {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/** An object schema's properties as OpenAPI parameters. */
export function parametersOf(schema: z.ZodType | undefined, where: "path" | "query"): ParameterDoc[] {
  if (!schema) return [];
  const object = jsonSchema(schema, "input");
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === "path" || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

const exampleValue = (p: ParameterDoc) => (p.in === "path" ? `<${p.name}>` : String((p.schema.default as string | number | undefined) ?? ""));

/** A curl command for the operation, with placeholders for ids and the key in $SWITCHYARD_API_KEY. */
export function curlExample(endpoint: Endpoint<unknown, unknown, unknown, unknown>, origin = "http://localhost:3000"): string {
  let path = endpoint.path;
  for (const p of parametersOf(endpoint.params, "path")) path = path.replace(`{${p.name}}`, exampleValue(p));
  const lines = [`curl${endpoint.method === "GET" ? "" : ` -X ${endpoint.method}`} "${origin}${API_BASE_PATH}${path}"`, `  -H "Authorization: Bearer $SWITCHYARD_API_KEY"`];
  if (endpoint.body) {
    lines.push(`  -H "Content-Type: application/json"`);
    lines.push(`  -d '${JSON.stringify(endpoint.bodyExample ?? {})}'`);
  }
  return lines.join(" \\\n");
}

/** Every error an endpoint may answer, in status order. */
export function errorsOf(endpoint: Endpoint<unknown, unknown, unknown, unknown>): ApiErrorCode[] {
  const codes = new Set<ApiErrorCode>([...COMMON_ERRORS, ...endpoint.errors]);
  return [...codes].sort((a, b) => API_ERRORS[a].status - API_ERRORS[b].status);
}

const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: Object.keys(API_ERRORS), description: "Stable: programs may switch on it." },
        message: { type: "string", description: "For people: what is wrong and what to do." },
        details: {
          description: "Where the request was refused: a list of { in: path|query|body, path, message }, or an object (e.g. { problems } of a workflow that cannot run).",
          oneOf: [
            { type: "array", items: { type: "object", required: ["in", "path", "message"], properties: { in: { type: "string", enum: ["path", "query", "body"] }, path: { type: "string" }, message: { type: "string" } } } },
            { type: "object" },
          ],
        },
      },
    },
  },
};

function operationOf(endpoint: Endpoint<unknown, unknown, unknown, unknown>, origin: string) {
  const errorResponses = Object.fromEntries(
    errorsOf(endpoint).map((code) => [String(API_ERRORS[code].status), { $ref: `#/components/responses/${code}` }]),
  );
  // Two codes can share a status (none do today); the document keeps one response per status.
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: endpoint.description,
    security: [{ apiKey: [] }],
    parameters: [...parametersOf(endpoint.params, "path"), ...parametersOf(endpoint.query, "query")],
    ...(endpoint.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(endpoint.body, "input"), ...(endpoint.bodyExample ? { example: endpoint.bodyExample } : {}) } } } }
      : {}),
    responses: {
      [String(endpoint.status ?? 200)]: { description: endpoint.summary, content: { "application/json": { schema: jsonSchema(endpoint.response, "output") } } },
      ...errorResponses,
    },
    "x-error-codes": errorsOf(endpoint),
    "x-codeSamples": [{ lang: "Shell", label: "curl", source: curlExample(endpoint, origin) }],
  };
}

export function openApiDocument(origin = "http://localhost:3000") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of ENDPOINTS) (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operationOf(endpoint, origin);
  paths["/openapi.json"] = {
    get: {
      operationId: "getOpenApiDocument",
      tags: ["Reference"],
      summary: "This document",
      description: "The API described as OpenAPI 3.1. Needs no key.",
      security: [],
      responses: { "200": { description: "The OpenAPI document", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Switchyard REST API",
      version: "1.0.0",
      description: [
        "Start runs, read their results, and handle human tasks from other programs.",
        "Authenticate with a personal API key (Settings → API keys) as `Authorization: Bearer sy_live_…`. A key acts as its owner, with exactly the rights the owner has in the app, read again on every request.",
        `Bodies are JSON, at most ${MAX_BODY_BYTES / 1024 / 1024} MB. Each key may send ${DEFAULT_REQUESTS_PER_MINUTE} requests a minute per app process (SWITCHYARD_API_RATE_LIMIT).`,
        "Every refusal is `{ \"error\": { \"code\", \"message\", \"details\"? } }` with a stable code.",
        `AI assistants: \`${MCP_PATH}\` (outside this document) speaks the Model Context Protocol (streamable HTTP, stateless, POST only) with the same API keys. Its tools are the published workflows marked \"Available to AI assistants\" that the key's owner may run; a tool's input schema is the workflow's Start fields, and a call runs the published version as the owner (trigger.type \`api\`) and answers with the End output, or after ${MCP_CALL_WAIT_MS / 1000} s with the run id and status to follow at \`/runs/{id}\`.`,
      ].join("\n\n"),
    },
    servers: [{ url: `${origin}${API_BASE_PATH}` }],
    security: [{ apiKey: [] }],
    tags: [
      { name: "Workflows", description: "The workflows the key's owner may see." },
      { name: "Runs", description: "Start, follow, list and cancel runs." },
      { name: "Tasks", description: "Human tasks waiting for the key's owner." },
      { name: "Reference", description: "This description of the API." },
    ],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A personal API key, `sy_live_…`." } },
      schemas: { Error: errorSchema },
      responses: Object.fromEntries(
        Object.entries(API_ERRORS).map(([code, { description }]) => [
          code,
          { description: `${code}: ${description}`, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ]),
      ),
    },
  };
}
