import "server-only";
// What a webhook request reads before its 202: the trigger (kept for a second per process, so a
// burst of deliveries to one hook reads it once), then its workflow's state and its owner,
// together and never kept: requests that arrive while that read is in flight share it, the next
// one reads again — a deactivated owner or an archived workflow refuses the very next delivery.
// A change to the trigger made in this process (saving, rotating or deleting it) is seen at
// once; one made in another process within HOOK_STATE_TTL_MS.
import { loadActor, type LoadedActor } from "@/lib/auth/actor";
import { Trigger, type TriggerDoc } from "@/models/Trigger";
import { Workflow } from "@/models/Workflow";
import { sharedRead } from "@/lib/db/shared-read";
import type { StoredPermissions } from "@/lib/workflows/access";
import type { WorkflowState } from "../state";

export const HOOK_STATE_TTL_MS = 1_000;

export interface HookState {
  trigger: TriggerDoc;
  workflow: (WorkflowState & { permissions?: StoredPermissions | null }) | null;
  owner: LoadedActor | null;
}

const triggers = new Map<string, { at: number; doc: Promise<TriggerDoc | null> }>();

/** The trigger as read at most HOOK_STATE_TTL_MS ago (one read shared by concurrent requests). */
function cachedTrigger(id: string): Promise<TriggerDoc | null> {
  const now = Date.now();
  const hit = triggers.get(id);
  if (hit && now - hit.at < HOOK_STATE_TTL_MS) return hit.doc;
  const doc = Trigger.findById(id).lean<TriggerDoc>().exec();
  triggers.set(id, { at: now, doc });
  // A failed read is not kept: the next request tries again.
  doc.catch(() => triggers.get(id)?.doc === doc && triggers.delete(id));
  if (triggers.size > 1_000) for (const [key, entry] of triggers) if (now - entry.at >= HOOK_STATE_TTL_MS) triggers.delete(key);
  return doc;
}

type Access = Pick<HookState, "workflow" | "owner">;

/** The workflow's state and the owner, from a read in flight for the same pair or a new one. */
function access(workflowId: string, ownerId: string): Promise<Access> {
  return sharedRead(`hook-access:${workflowId}:${ownerId}`, () =>
    Promise.all([Workflow.findById(workflowId, { status: 1, publishedVersion: 1, permissions: 1 }).lean(), loadActor(ownerId)]).then(([workflow, owner]) => ({ workflow, owner })),
  );
}

export async function hookState(id: string): Promise<HookState | null> {
  const trigger = await cachedTrigger(id);
  if (!trigger) return null;
  return { trigger, ...(await access(trigger.workflowId, trigger.owner)) };
}

/** Forgets what this process read about the trigger (it was saved, rotated or deleted here). */
export function forgetHookState(id: string): void {
  triggers.delete(id);
}
