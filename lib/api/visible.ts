import "server-only";
// The UI hides what a person may not see behind "not found"; the API does the same. These turn
// the services' refusal to show a workflow or a run into 404, before any further right is
// checked (a missing right on a visible resource then answers 403).
import type { Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { authorizedRun, RUN_NOT_VISIBLE } from "@/lib/runtime/start";
import { authorizedWorkflow, NOT_VISIBLE } from "@/lib/workflows/store";
import { ApiError } from "./errors";

async function orNotFound<T>(read: () => Promise<T>, message: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof PermissionError) throw new ApiError("not_found", message);
    throw error;
  }
}

export function visibleWorkflow(actor: Actor, id: string, options: { graph?: boolean } = {}) {
  return orNotFound(() => authorizedWorkflow(actor, id, "workflow:view", options), NOT_VISIBLE);
}

export function visibleRun(actor: Actor, id: string) {
  return orNotFound(() => authorizedRun(actor, id, "workflow:view"), RUN_NOT_VISIBLE);
}
