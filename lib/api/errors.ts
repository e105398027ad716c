// The REST API's errors: one stable code per kind of failure, its HTTP status, and the JSON
// body every refusal has: { "error": { "code", "message", "details"? } }.

export const API_ERRORS = {
  invalid_request: { status: 400, description: "The query or the body could not be read (not JSON, a bad query parameter)." },
  unauthorized: { status: 401, description: "No API key, or a key that is unknown, revoked or expired, or whose owner is deactivated." },
  forbidden: { status: 403, description: "The key's owner may see the resource but not do this with it." },
  not_found: { status: 404, description: "No such resource, or one the key's owner may not see (the same answer, so ids reveal nothing)." },
  conflict: { status: 409, description: "The resource is not in a state that allows this (archived, not published, already ended or answered)." },
  payload_too_large: { status: 413, description: "The body is larger than the limit (1 MB)." },
  unsupported_media_type: { status: 415, description: "A body was sent with a content type other than application/json." },
  validation_failed: { status: 422, description: "The body is JSON but its values are refused; `details` says where." },
  rate_limited: { status: 429, description: "Too many requests with this key; retry after the seconds in the Retry-After header." },
  internal: { status: 500, description: "Something failed on the server; nothing was changed by the failed step." },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** Where a value was refused: `in` the path, the query or the body, at `path` (dot-separated), and why. */
export interface ApiErrorDetail {
  in: "path" | "query" | "body";
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: readonly ApiErrorDetail[] | Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return API_ERRORS[this.code].status;
  }
}

export function errorResponse(error: ApiError): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
  return Response.json(body, { status: error.status, headers: { "Cache-Control": "no-store", ...error.headers } });
}

/** zod issues as details, for `in` the given part of the request. */
export function issueDetails(where: ApiErrorDetail["in"], issues: readonly { path: readonly PropertyKey[]; message: string }[]): ApiErrorDetail[] {
  return issues.slice(0, 20).map((issue) => ({ in: where, path: issue.path.map(String).join("."), message: issue.message }));
}

/** Field errors keyed by name (the run input's and the inbox form's) as details. */
export function fieldDetails(errors: Record<string, string[]>, prefix: string): ApiErrorDetail[] {
  return Object.entries(errors).flatMap(([field, messages]) => messages.map((message) => ({ in: "body" as const, path: prefix ? `${prefix}.${field}` : field, message })));
}
