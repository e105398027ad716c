// The runs list's URL parameters (?status=), parsed with zod. A bad value is not an error page:
// the list shows every run, with a message saying what was wrong.
import { z } from "zod";
import type { RunStatus } from "@/lib/engine/state";

export const RUN_STATUSES = ["pending", "running", "paused", "completed", "failed", "cancelled"] as const satisfies readonly RunStatus[];

const statusSchema = z.enum(RUN_STATUSES, { error: `Status must be one of: ${RUN_STATUSES.join(", ")}` });

export interface RunListParams {
  status?: RunStatus;
  /** Set when the URL held a value we could not use; the list then shows every status. */
  problem?: string;
}

export function parseRunListParams(params: Record<string, string | string[] | undefined>): RunListParams {
  const raw = params.status;
  if (raw === undefined || raw === "" || raw === "all") return {};
  const value = Array.isArray(raw) ? raw[0] : raw;
  const parsed = statusSchema.safeParse(value);
  if (!parsed.success) return { problem: `“${String(value).slice(0, 40)}” is not a run status. ${parsed.error.issues[0].message}. Showing every run.` };
  return { status: parsed.data };
}
