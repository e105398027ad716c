import "server-only";
// The one wrapper of every /api/v1 route handler (STYLE.md 4 and 14): it authenticates the API
// key, applies the rate limit, checks the endpoint's permission through can(), parses the path,
// the query and the body with the endpoint's zod schemas, runs the handler and maps every known
// failure to a status and a stable error code. The same definitions produce the OpenAPI
// document (lib/api/openapi.ts), so the documentation cannot drift from what is enforced.
import type { z } from "zod";
import { authenticateKey } from "@/lib/api-keys/authenticate";
import type { LoadedActor } from "@/lib/auth/actor";
import { PermissionError } from "@/lib/auth/errors";
import { can, type Permission } from "@/lib/auth/roles";
import { clientIp } from "@/lib/auth/client-ip";
import { connectDb } from "@/lib/db/connect";
import { readJsonBody } from "./body";
import { ApiError, errorResponse, issueDetails, type ApiErrorCode } from "./errors";
import { apiRateLimiter } from "./rate-limit";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestContext<P, Q, B> {
  actor: LoadedActor;
  /** The public id of the API key (recorded as a run's trigger.source). */
  keyId: string;
  params: P;
  query: Q;
  body: B;
  meta: { ipAddress: string | null; userAgent: string | null };
}

export interface Endpoint<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: HttpMethod;
  /** The OpenAPI path under /api/v1, with {name} for path parameters. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  /** The permission every caller needs before anything is read; per-resource rights are checked inside. */
  permission: Permission;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** An example body for the documentation and its curl example. */
  bodyExample?: unknown;
  /** The success status (200 unless said) and the shape of what it answers. */
  status?: number;
  response: z.ZodType<R>;
  /** The errors this endpoint may answer besides unauthorized, forbidden, rate_limited and internal. */
  errors: ApiErrorCode[];
  handle(ctx: RequestContext<P, Q, B>): Promise<R>;
}

/** Declares an endpoint with its types inferred from its schemas. */
export function endpoint<P, Q, B, R>(definition: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return definition;
}

/** The errors every endpoint may answer. */
export const COMMON_ERRORS: ApiErrorCode[] = ["unauthorized", "forbidden", "rate_limited", "internal"];

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * The gate every API-key route passes first (/api/v1 and /api/mcp): a valid key, the key's rate
 * limit, and the role permission its owner needs. Throws ApiError (401, 429, 403).
 */
export async function authenticateApiRequest(request: Request, permission: Permission): Promise<{ actor: LoadedActor; keyId: string }> {
  await connectDb();
  const auth = await authenticateKey(request.headers);
  if (!auth.ok) throw new ApiError("unauthorized", auth.message, undefined, { "WWW-Authenticate": 'Bearer realm="switchyard"' });
  const verdict = apiRateLimiter.take(auth.keyId);
  if (!verdict.allowed) {
    throw new ApiError("rate_limited", `Too many requests with this key. Retry in ${verdict.retryAfterSeconds} s.`, undefined, { "Retry-After": String(verdict.retryAfterSeconds) });
  }
  if (!can(auth.actor, permission)) throw new ApiError("forbidden", "The owner of this API key may not use this endpoint.");
  return { actor: auth.actor, keyId: auth.keyId };
}

/** The route handler of an endpoint: `export const GET = serve(listWorkflows)`. */
export function serve<P, Q, B, R>(definition: Endpoint<P, Q, B, R>) {
  return async function handler(request: Request, context?: RouteContext): Promise<Response> {
    try {
      const auth = await authenticateApiRequest(request, definition.permission);

      const params = parse(definition.params, (await context?.params) ?? {}, "path");
      const query = parse(definition.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const body = definition.body ? parse(definition.body, await readJsonBody(request), "body") : (undefined as B);
      const result = await definition.handle({
        actor: auth.actor,
        keyId: auth.keyId,
        params,
        query,
        body,
        meta: { ipAddress: clientIp(request.headers), userAgent: request.headers.get("user-agent") },
      });
      return Response.json(result, { status: definition.status ?? 200, headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      if (error instanceof PermissionError) return errorResponse(new ApiError("forbidden", error.message));
      console.error(`[api] ${definition.method} ${definition.path} failed:`, error);
      return errorResponse(new ApiError("internal", "Something went wrong on our side. Nothing was changed by the failed step; try again."));
    }
  };
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: "path" | "query" | "body"): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(where === "body" && value === undefined ? {} : value);
  if (parsed.success) return parsed.data;
  const details = issueDetails(where, parsed.error.issues);
  const first = details[0];
  const at = first.path ? ` (${where} ${first.path})` : ` (${where})`;
  // A malformed id names nothing that exists: the same answer as an unknown one.
  if (where === "path") throw new ApiError("not_found", `${first.message}${at}.`, details);
  throw new ApiError(where === "query" ? "invalid_request" : "validation_failed", `${first.message}${at}.`, details);
}
