// A comment on a task: appended, never edited. Anyone who may see the task may comment, also
// after it closed (a note for the record changes nothing about the decision).
import "server-only";
import { z } from "zod";
import { HumanTask } from "@/models/HumanTask";
import type { TaskActor } from "./access";
import { auditTask, type RequestMeta } from "./audit";
import { audited, fieldErrors, NOT_FOUND, visibleTask, type TaskActionResult } from "./result";

export const commentInputSchema = z.object({
  text: z.string({ error: "Write a comment" }).trim().min(1, { error: "Write a comment" }).max(5_000, { error: "Keep a comment under 5,000 characters" }),
});

export async function commentOnTask(actor: TaskActor, taskId: string, input: unknown, meta: RequestMeta | null): Promise<TaskActionResult> {
  const task = await visibleTask(actor, taskId);
  if (!task) return NOT_FOUND;
  const parsed = commentInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", message: "Check the highlighted fields.", errors: fieldErrors(parsed.error.issues) };
  await HumanTask.updateOne({ _id: task._id }, { $push: { comments: { by: actor.id, byName: actor.name ?? null, text: parsed.data.text, at: new Date() } } });
  await auditTask(audited(task), "human_task_comment", actor.id, meta, { text: parsed.data.text });
  return { ok: true, message: "Comment added." };
}
