// Cancels the task of a human step the run no longer waits for (the run was cancelled or
// failed, or the step timed out). The same atomic closure as a completion decides which one
// happened, so a task is never both cancelled and completed.
import "server-only";
import { idempotencyKey } from "@/lib/engine/run-step";
import { objectIdFromKey } from "@/lib/db/key-id";
import { closeTaskOnce } from "./closure";

export interface CancelForStep {
  runId: string;
  stepId: string;
  attempt: number;
  reason: string;
}

/** true when the task was open and is now cancelled; false when it was already closed. */
export async function cancelTaskForStep(request: CancelForStep): Promise<boolean> {
  const taskId = objectIdFromKey("human_task", idempotencyKey(request));
  return closeTaskOnce(taskId, { kind: "cancelled", runId: request.runId, stepId: request.stepId, output: { reason: request.reason }, by: null, at: new Date() });
}
