// How a budget pause is named to the runtime and the inbox. Pure: the runtime (applying an
// answer), the task completion and the gate share these.

/** The wait reason of an AI step paused for approval of extra spend (lib/ai/budget/gate.ts). */
export const BUDGET_WAIT_REASON = "budget";

/** The approved extra an answer carries (TaskOutput plus approvedUsd, lib/ai/budget/resume.ts). */
export function approvedUsdOf(output: unknown): number {
  const amount = (output as { approvedUsd?: unknown } | null)?.approvedUsd;
  return typeof amount === "number" && Number.isFinite(amount) && amount > 0 ? amount : 0;
}
