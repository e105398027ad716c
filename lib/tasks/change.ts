// Changing a task's assignment exactly once per version: the caller that inserts the
// task_changes document for the version it read wins; the others learn who won and when.
import "server-only";
import { TaskChange, type TaskChangeDoc } from "@/models/TaskChange";

export type ChangeKind = "claimed" | "released" | "delegated" | "escalated" | "overdue" | "reminded";

export type ChangeClaim = { won: true } | { won: false; winner: { kind: string; by: string | null; byName: string | null; at: Date } | null };

export async function claimTaskVersion(taskId: string, version: number, kind: ChangeKind, by: string | null, byName: string | null): Promise<ChangeClaim> {
  const _id = `${taskId}:v${version}`;
  try {
    await TaskChange.create({ _id, taskId, kind, by, byName, at: new Date() });
    return { won: true };
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  const winner = await TaskChange.findById(_id).lean<TaskChangeDoc>();
  return { won: false, winner: winner ? { kind: winner.kind, by: winner.by ?? null, byName: winner.byName ?? null, at: winner.at } : null };
}

/** SLA steps happen once per task, whatever its version: a key of their own. */
export async function claimTaskStep(taskId: string, step: "overdue" | "escalated" | "reminded"): Promise<boolean> {
  try {
    await TaskChange.create({ _id: `${taskId}:${step}`, taskId, kind: step, by: null, byName: null, at: new Date() });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return false;
    throw error;
  }
}
