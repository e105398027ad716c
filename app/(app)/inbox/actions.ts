"use server";
// Server actions of the inbox: claim, release, decide (approve / reject / complete), delegate,
// comment, mark notifications read. Each checks the session's permission itself, validates its
// input with zod (in lib/tasks/*) and answers with a result instead of throwing.

import { headers } from "next/headers";
import { z } from "zod";
import { PermissionError } from "@/lib/auth/errors";
import { clientIp } from "@/lib/auth/client-ip";
import { requireActionPermission, type CurrentUser } from "@/lib/auth/session";
import { connectDb } from "@/lib/db/connect";
import { claimTask, delegateTask, releaseTask } from "@/lib/tasks/assign";
import type { RequestMeta } from "@/lib/tasks/audit";
import { commentOnTask } from "@/lib/tasks/comment";
import { decideTask } from "@/lib/tasks/decide";
import { markNotificationsRead } from "@/lib/tasks/queries";
import type { TaskActionResult } from "@/lib/tasks/result";

export type InboxActionResult = TaskActionResult | { ok: false; message: string; code?: undefined; errors?: Record<string, string[]> };

const UNEXPECTED = "Something went wrong on our side. Nothing was changed; try again.";
const taskIdSchema = z.string().regex(/^[a-f0-9]{24}$/i);

async function guarded(run: (actor: CurrentUser, meta: RequestMeta) => Promise<InboxActionResult>): Promise<InboxActionResult> {
  try {
    const actor = await requireActionPermission("inbox:use");
    await connectDb();
    const h = await headers();
    return await run(actor, { ipAddress: clientIp(h), userAgent: h.get("user-agent") });
  } catch (err) {
    if (err instanceof PermissionError) return { ok: false, message: err.message };
    console.error("[inbox] action failed:", err);
    return { ok: false, message: UNEXPECTED };
  }
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
