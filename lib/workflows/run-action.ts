import "server-only";
// The guard of the workflow server actions: the one action guard (lib/auth/action-guard.ts)
// with the permission every workflow action starts from; can() with the workflow's access list
// is asked inside each service.
import { guardAction, UNEXPECTED } from "@/lib/auth/action-guard";
import type { CurrentUser } from "@/lib/auth/session";

export { UNEXPECTED };

export function runWorkflowAction<T>(run: (actor: CurrentUser) => Promise<T>) {
  return guardAction("workflows:view", (actor) => run(actor), "workflows");
}
