import "server-only";
// What a webhook request reads before its 202: the trigger, its workflow's state and its owner,
// each kept for at most HOOK_STATE_TTL_MS per process, so a burst of deliveries to one hook reads
// them once a second instead of twice per delivery. A write through the Trigger, Workflow or
// User model in this process (saving or deleting the trigger, archiving, unpublishing or
// sharing the workflow, deactivating the owner) is seen by the very next request
// (lib/db/local-writes.ts); one made in another process within HOOK_STATE_TTL_MS.
// This is the answer to the sender, not the authority: the starter checks the trigger, the
// workflow and the owner again, read fresh, before it creates the run (starter.ts), and a
// delivery refused there is recorded on the Triggers panel.
import { loadActor, type LoadedActor } from "@/lib/auth/actor";
import { localWrites } from "@/lib/db/local-writes";
import { Trigger, type TriggerDoc } from "@/models/Trigger";
import { Workflow } from "@/models/Workflow";
import type { StoredPermissions } from "@/lib/workflows/access";
import type { WorkflowState } from "../state";

export const HOOK_STATE_TTL_MS = 1_000;
/** Entries kept at most; beyond this the expired ones are dropped. */
const MAX_ENTRIES = 1_000;

export interface HookState {
  trigger: TriggerDoc;
  workflow: (WorkflowState & { permissions?: StoredPermissions | null }) | null;
  owner: LoadedActor | null;
}

type Access = Pick<HookState, "workflow" | "owner">;

interface Entry<T> {
  at: number;
  writes: number;
  value: Promise<T>;
}

/**
 * The value read at most HOOK_STATE_TTL_MS ago and before no local write of `models`, or a new
 * read (shared by the requests that arrive while it is in flight). A failed read is not kept.
 */
function keptBriefly<T>(cache: Map<string, Entry<T>>, key: string, models: readonly string[], read: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const writes = models.reduce((sum, model) => sum + localWrites(model), 0);
  const hit = cache.get(key);
  if (hit && now - hit.at < HOOK_STATE_TTL_MS && hit.writes === writes) return hit.value;
  const value = read();
  cache.set(key, { at: now, writes, value });
  value.catch(() => cache.get(key)?.value === value && cache.delete(key));
  if (cache.size > MAX_ENTRIES) for (const [k, entry] of cache) if (now - entry.at >= HOOK_STATE_TTL_MS) cache.delete(k);
  return value;
}

const triggers = new Map<string, Entry<TriggerDoc | null>>();
const accesses = new Map<string, Entry<Access>>();

export async function hookState(id: string): Promise<HookState | null> {
  const trigger = await keptBriefly(triggers, id, ["Trigger"], () => Trigger.findById(id).lean<TriggerDoc>().exec());
  if (!trigger) return null;
  const access = await keptBriefly(accesses, `${trigger.workflowId}:${trigger.owner}`, ["Workflow", "User"], async () => {
    const [workflow, owner] = await Promise.all([Workflow.findById(trigger.workflowId, { status: 1, publishedVersion: 1, permissions: 1 }).lean(), loadActor(trigger.owner)]);
    return { workflow, owner };
  });
  return { trigger, ...access };
}
