// Closing a human task exactly once. The winner is decided by inserting a task_closures
// document with the task's _id: of any number of concurrent completions and cancels, exactly
// one insert succeeds, on MongoDB and on the embedded FerretDB. (FerretDB 1.24's SQLite
// backend reads and then writes a document for an update, so two conditional updates of the
// same document can both succeed; see FerretDB/FerretDB#3040.) The task document then mirrors
// the closure; if it ever does not, the closure is the truth and is applied again.
import "server-only";
import type { Types } from "mongoose";
import { HumanTask, OPEN_TASK_STATUSES } from "@/models/HumanTask";
import { TaskClosure, type TaskClosureDoc } from "@/models/TaskClosure";
import { touchTask } from "./open-index";

export interface Closure {
  kind: "completed" | "cancelled";
  runId: string;
  stepId: string;
  output: unknown;
  by: string | null;
  at: Date;
  comment?: string | null;
  /** The person's name, for the task's history and comments. */
  byName?: string | null;
}

/** true when this closure won; false when the task was already closed (read the winner with closureOf). */
export async function closeTaskOnce(taskId: Types.ObjectId, closure: Closure): Promise<boolean> {
  try {
    await TaskClosure.create({ _id: taskId, kind: closure.kind, runId: closure.runId, stepId: closure.stepId, output: closure.output, by: closure.by, at: closure.at, comment: closure.comment ?? null, byName: closure.byName ?? null });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return false;
    throw error;
  }
  await mirror(taskId, closure);
  return true;
}

export async function closureOf(taskId: Types.ObjectId): Promise<TaskClosureDoc | null> {
  return TaskClosure.findById(taskId).lean<TaskClosureDoc>();
}

/** Writes the closure onto the task document; harmless to repeat. */
export async function mirror(taskId: Types.ObjectId, closure: Closure): Promise<void> {
  await HumanTask.updateOne(
    { _id: taskId, status: { $in: OPEN_TASK_STATUSES } },
    {
      $set: {
        status: closure.kind,
        ...(closure.kind === "completed" ? { result: closure.output, completedBy: closure.by, completedAt: closure.at } : {}),
      },
      $inc: { version: 1 },
      $push: {
        history: { type: closure.kind, by: closure.by, byName: closure.byName ?? null, at: closure.at, detail: closure.kind === "completed" ? ((closure.output as { decision?: string } | null)?.decision ?? null) : ((closure.output as { reason?: string } | null)?.reason ?? null) },
        ...(closure.comment && closure.by ? { comments: { by: closure.by, byName: closure.byName ?? null, text: closure.comment, at: closure.at } } : {}),
      },
    },
  );
  touchTask(String(taskId));
}

export async function markResumed(taskId: Types.ObjectId, at = new Date()): Promise<void> {
  await TaskClosure.updateOne({ _id: taskId }, { $set: { resumedAt: at } });
}
