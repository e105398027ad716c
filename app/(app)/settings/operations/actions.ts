"use server";
// Retry and cancel from the operations page: admins only ("operations:view"), the run id
// checked with zod, then the same retryFor / cancelFor the runs page uses (which check
// "workflow:run" on the run's workflow through can()). Refusals come back as results.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { PermissionError } from "@/lib/auth/errors";
import { clientIp } from "@/lib/auth/client-ip";
import { requireActionPermission, type CurrentUser } from "@/lib/auth/session";
import type { ControlActionResult } from "@/lib/runtime/contract";
import { retryFor } from "@/lib/runtime/retry";
import { cancelFor, type RequestMeta } from "@/lib/runtime/start";
import { UNEXPECTED } from "@/lib/workflows/run-action";

const runIdSchema = z.string({ error: "The run id must be text" }).trim().min(1, { error: "The run id is missing" }).max(100, { error: "The run id is too long" });

async function asOperator(runId: unknown, act: (actor: CurrentUser, runId: string, request: RequestMeta) => Promise<ControlActionResult>): Promise<ControlActionResult> {
  const parsed = runIdSchema.safeParse(runId);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Bad run id" };
  try {
    const actor = await requireActionPermission("operations:view");
    const h = await headers();
    const result = await act(actor, parsed.data, { ipAddress: clientIp(h), userAgent: h.get("user-agent") });
    if (result.ok) revalidatePath("/settings/operations");
    return result;
  } catch (err) {
    if (err instanceof PermissionError) return { ok: false, message: err.message };
    console.error("[operations] action failed:", err);
    return { ok: false, message: UNEXPECTED };
  }
}

export async function retryStuckRunAction(runId: string): Promise<ControlActionResult> {
  return asOperator(runId, (actor, id, request) => retryFor(actor, id, request));
}

export async function cancelStuckRunAction(runId: string): Promise<ControlActionResult> {
  return asOperator(runId, (actor, id, request) => cancelFor(actor, id, request));
}
