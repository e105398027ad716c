import "server-only";
// The one guard every server action runs in (STYLE "One guard for every server action"): a
// signed-in, active user with the permission, the request's address and user agent for the
// audit trail, a refusal (PermissionError) answered as { ok: false, message }, and anything
// unexpected logged on the server and answered with a message the user can act on — never
// thrown to the browser, where it would be a bare 500. Each action still parses its own
// arguments with zod (in the service it calls, or with parseArgument below).
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { PermissionError } from "@/lib/auth/errors";
import type { Permission } from "@/lib/auth/roles";
import { requireActionPermission, type CurrentUser } from "@/lib/auth/session";

export const UNEXPECTED = "Something went wrong on the server, and nothing was changed. Try again; if it keeps happening, tell an admin.";

export interface ActionRefusal {
  ok: false;
  message: string;
  errors?: Record<string, string[]>;
}

/** Where a request came from, for event logs and task histories. */
export interface RequestMeta {
  ipAddress: string | null;
  userAgent: string | null;
}

export async function guardAction<T>(
  permission: Permission,
  run: (actor: CurrentUser, request: RequestMeta) => Promise<T>,
  area = "action",
): Promise<T | ActionRefusal> {
  try {
    const actor = await requireActionPermission(permission);
    const h = await headers();
    return await run(actor, { ipAddress: clientIp(h), userAgent: h.get("user-agent") });
  } catch (err) {
    unstable_rethrow(err); // redirect(), notFound() and Next's own signals pass through
    if (err instanceof PermissionError) return { ok: false, message: err.message };
    console.error(`[${area}] action failed:`, err);
    return { ok: false, message: UNEXPECTED };
  }
}

/**
 * An argument parsed with `schema`, or a refusal saying what was wrong and where: for the
 * arguments a service does not parse itself (a FormData, an id list).
 */
export function parseArgument<S extends z.ZodType>(schema: S, value: unknown, what: string): { ok: true; data: z.output<S> } | ActionRefusal {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? ` (at ${issue.path.map(String).join(".")})` : "";
  return { ok: false, message: `${what} was refused: ${issue.message}${where}.` };
}
