import "server-only";
// Starting the run of one firing (a schedule's fire time or a webhook delivery), as the
// trigger's owner. The owner's rights are read fresh every time (loadActor + can()): a
// deactivated owner, or one who lost the right to run the workflow, gets the firing refused and
// recorded, and nothing starts. The run id comes from the firing, so calling this twice for one
// firing (the request and the recovery pass after a crash) starts one run.
import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { prepareStart, startPrepared, type PreparedStart, type RequestMeta } from "@/lib/runtime/start";
import { aclOf } from "@/lib/workflows/access";
import { oversize } from "@/lib/workflows/refusals";
import { Trigger } from "@/models/Trigger";
import { TriggerPending } from "@/models/TriggerPending";
import { Workflow } from "@/models/Workflow";
import { recordFiring } from "./recent";
import { inactiveReason } from "./state";

export const OWNER_REFUSED = "The trigger's owner may no longer run this workflow (deactivated, or their access was removed). Someone who may should save the trigger again.";

export interface Firing {
  id: string;
  kind: "schedule" | "webhook";
  triggerId: string;
  runId: string;
  at: Date;
  input: Record<string, unknown>;
  request?: RequestMeta;
}

export type FiringResult = { ok: true; runId: string } | { ok: false; reason: string; code: "inactive" | "owner" | "input" };

export type OwnerCheck = { ok: true; actor: NonNullable<Awaited<ReturnType<typeof loadActor>>>; workflowId: string } | { ok: false; reason: string; code: "inactive" | "owner" };

/**
 * The trigger's owner as an Actor if the trigger is active and the owner may run the workflow
 * now. `claimed`: the firing was already decided (a fire time inserted, a delivery acknowledged)
 * while the trigger was on, so turning it off since does not drop it; the owner's rights and
 * the workflow's state are still checked.
 */
export async function checkFiring(triggerId: string, claimed = false): Promise<OwnerCheck> {
  const trigger = await Trigger.findById(triggerId, { enabled: 1, owner: 1, workflowId: 1, schedule: 1 }).lean();
  if (!trigger) return { ok: false, code: "inactive", reason: "The trigger was deleted." };
  const workflow = await Workflow.findById(trigger.workflowId, { status: 1, publishedVersion: 1, permissions: 1 }).lean();
  // End dates are not checked here: a fire time the scheduler chose was inside the window.
  const reason = inactiveReason({ enabled: claimed || trigger.enabled }, workflow);
  if (reason) return { ok: false, code: "inactive", reason };
  const actor = await loadActor(trigger.owner);
  if (!can(actor, "workflow:run", aclOf(workflow!.permissions))) return { ok: false, code: "owner", reason: OWNER_REFUSED };
  return { ok: true, actor: actor!, workflowId: trigger.workflowId };
}

/** Starts one firing's run after checking its trigger, workflow and owner (a schedule's fire time; webhooks: webhook/deliveries.ts). */
export async function startFiring(firing: Firing): Promise<FiringResult> {
  const [result] = await startFirings([{ firing, checked: await checkFiring(firing.triggerId, true) }]);
  if (result.status === "rejected") throw result.reason;
  return result.value;
}

/**
 * Starts the runs of many firings at once (a burst of webhook deliveries): the workflow is read
 * and checked once per owner and workflow (prepareStart), the runs are created together (their
 * inserts share the group commit's batches), and the markers of the firings handled go in one
 * command. A firing whose start failed keeps its marker, so the recovery pass tries it again.
 */
export async function startFirings(items: { firing: Firing; checked: OwnerCheck }[]): Promise<PromiseSettledResult<FiringResult>[]> {
  const prepared = new Map<string, Promise<Prepared>>();
  const results = await Promise.allSettled(
    items.map(async ({ firing, checked }) => {
      let result: FiringResult;
      if (!checked.ok) {
        result = checked;
      } else {
        const key = `${checked.actor.id}:${checked.workflowId}`;
        if (!prepared.has(key)) prepared.set(key, prepare(checked));
        const ready = await prepared.get(key)!;
        result = ready.ok ? await startOne(ready.prepared, firing) : ready.refused;
      }
      // The panel's line is a display aid: failing to write it (e.g. "database is locked" under load)
      // must not leave the firing pending, or recovery would record it again.
      await recordFiring(firing.triggerId, {
        id: firing.id,
        at: firing.at,
        runId: result.ok ? result.runId : null,
        status: result.ok ? "started" : "refused",
        reason: result.ok ? null : result.reason,
      }).catch((error: unknown) => console.error(`[triggers] recording firing ${firing.id} for the panel failed`, error));
      return result;
    }),
  );
  const handled = items.filter((_, i) => results[i].status === "fulfilled").map(({ firing }) => firing.id);
  if (handled.length > 0) await TriggerPending.bulkWrite(handled.map((id) => ({ deleteOne: { filter: { _id: id } } })), { ordered: false });
  return results;
}

type Prepared = { ok: true; prepared: PreparedStart } | { ok: false; refused: FiringResult };

async function prepare(checked: Extract<OwnerCheck, { ok: true }>): Promise<Prepared> {
  try {
    const prepared = await prepareStart(checked.actor, checked.workflowId, "published");
    return prepared.ok ? { ok: true, prepared } : { ok: false, refused: { ok: false, code: "input", reason: prepared.message } };
  } catch (error) {
    if (!(error instanceof PermissionError)) throw error;
    return { ok: false, refused: { ok: false, code: "owner", reason: OWNER_REFUSED } };
  }
}

async function startOne(prepared: PreparedStart, firing: Firing): Promise<FiringResult> {
  const tooBig = oversize(firing.input, "The run input");
  if (tooBig) return { ok: false, code: "input", reason: tooBig.message };
  const started = await startPrepared(prepared, firing.input, firing.request ?? {}, { type: firing.kind, source: firing.triggerId, runId: firing.runId });
  return started.ok ? { ok: true, runId: started.runId } : { ok: false, code: "input", reason: started.message };
}
