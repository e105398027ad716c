"use server";
// Server actions of the inbox: claim, release, decide (approve / reject / complete), delegate,
// comment, mark notifications read. Each checks the session's permission itself, validates its
// input with zod (in lib/tasks/*) and answers with a result instead of throwing.

import { z } from "zod";
import { guardAction, type RequestMeta } from "@/lib/auth/action-guard";
import type { CurrentUser } from "@/lib/auth/session";
import { connectDb } from "@/lib/db/connect";
import { claimTask, delegateTask, releaseTask } from "@/lib/tasks/assign";
import { commentOnTask } from "@/lib/tasks/comment";
import { decideTask } from "@/lib/tasks/decide";
import { markNotificationsRead } from "@/lib/tasks/queries";
import type { TaskActionResult } from "@/lib/tasks/result";

export type InboxActionResult = TaskActionResult | { ok: false; message: string; code?: undefined; errors?: Record<string, string[]> };

const taskIdSchema = z.string().regex(/^[a-f0-9]{24}$/i);

function guarded(run: (actor: CurrentUser, meta: RequestMeta) => Promise<InboxActionResult>): Promise<InboxActionResult> {
  return guardAction(
    "inbox:use",
    async (actor, meta) => {
      await connectDb();
      return run(actor, meta);
    },
    "inbox",
  );
}

const NOT_FOUND: InboxActionResult = { ok: false, code: "not_found", message: "That task does not exist." };

export async function claimTaskAction(taskId: string): Promise<InboxActionResult> {
  return guarded(async (actor, meta) => (taskIdSchema.safeParse(taskId).success ? claimTask(actor, taskId, meta) : NOT_FOUND));
}

export async function releaseTaskAction(taskId: string): Promise<InboxActionResult> {
  return guarded(async (actor, meta) => (taskIdSchema.safeParse(taskId).success ? releaseTask(actor, taskId, meta) : NOT_FOUND));
}

export async function decideTaskAction(taskId: string, input: unknown): Promise<InboxActionResult> {
  return guarded(async (actor, meta) => {
    if (!taskIdSchema.safeParse(taskId).success) return NOT_FOUND;
    const result = await decideTask(actor, taskId, input, meta);
    if (!result.ok) return { ok: false, code: result.code, message: result.message, ...(result.errors ? { errors: result.errors } : {}) };
    return { ok: true, message: result.message };
  });
}

export async function delegateTaskAction(taskId: string, input: unknown): Promise<InboxActionResult> {
  return guarded(async (actor, meta) => (taskIdSchema.safeParse(taskId).success ? delegateTask(actor, taskId, input, meta) : NOT_FOUND));
}

export async function commentTaskAction(taskId: string, input: unknown): Promise<InboxActionResult> {
  return guarded(async (actor, meta) => (taskIdSchema.safeParse(taskId).success ? commentOnTask(actor, taskId, input, meta) : NOT_FOUND));
}

const readSchema = z.union([z.literal("all"), z.array(taskIdSchema).max(100)]);

export async function markNotificationsReadAction(ids: unknown): Promise<InboxActionResult> {
  return guarded(async (actor) => {
    const parsed = readSchema.safeParse(ids);
    if (!parsed.success) return { ok: false, message: "Say which notifications to mark read." };
    await markNotificationsRead(actor, parsed.data);
    return { ok: true, message: "Marked read." };
  });
}
