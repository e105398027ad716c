// Whether a trigger fires now, and if not, why — one rule for the panel, the scheduler and the
// webhook route. Triggers fire the published version only, while the workflow is not archived.
import { runClock } from "@/lib/runtime/clock";

export interface WorkflowState {
  status?: string | null;
  publishedVersion?: number | null;
}

export interface TriggerState {
  enabled?: boolean | null;
  schedule?: { endAt?: Date | null } | null;
}

/** Why no trigger of this workflow fires, or null when they may. */
export function workflowInactiveReason(workflow: WorkflowState | null): string | null {
  if (!workflow) return "The workflow no longer exists.";
  if (workflow.status === "archived") return "The workflow is archived.";
  if (workflow.publishedVersion == null) return "The workflow is not published yet: triggers start the published version only.";
  return null;
}

export function inactiveReason(trigger: TriggerState, workflow: WorkflowState | null, now = runClock.now()): string | null {
  if (!trigger.enabled) return "Turned off.";
  const reason = workflowInactiveReason(workflow);
  if (reason) return reason;
  const end = trigger.schedule?.endAt;
  if (end && new Date(end).getTime() <= now) return `The schedule ended on ${new Date(end).toISOString().slice(0, 16).replace("T", " ")} UTC.`;
  return null;
}
