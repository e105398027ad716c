import "server-only";
// The one wrapper every workflow server action runs in: a signed-in user who may see
// workflows, a refusal as a message rather than an exception, and an unexpected error logged
// on the server and answered with a message the user can act on.
import { requireActionPermission, type CurrentUser } from "@/lib/auth/session";
import { PermissionError } from "@/lib/auth/errors";
import type { Refusal } from "./contract";

export const UNEXPECTED = "Something went wrong on the server, and nothing was changed. Try again; if it keeps happening, tell an admin.";

export async function runWorkflowAction<T>(run: (actor: CurrentUser) => Promise<T>): Promise<T | Refusal> {
  try {
    const actor = await requireActionPermission("workflows:view");
    return await run(actor);
  } catch (err) {
    if (err instanceof PermissionError) return { ok: false, message: err.message };
    console.error("[workflows] action failed:", err);
    return { ok: false, message: UNEXPECTED };
  }
}
