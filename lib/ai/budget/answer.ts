import "server-only";
// What a completed spend-approval task tells its paused AI step: approve → run it again with
// the budget raised by the amount (the runtime adds `approvedUsd` to the run's approved extra);
// reject → the step fails, naming the amount and who refused it, so the run page says why.
import type { Answer } from "@/lib/runtime/messages";
import type { TaskResume } from "@/lib/tasks/complete";
import { nameFor } from "@/lib/tasks/result";
import { formatCost } from "@/lib/format/run-format";

export async function spendAnswer(resume: TaskResume, amountUsd: number): Promise<Answer> {
  if (resume.handle === "approve") return { kind: "ok", output: { ...resume.output, approvedUsd: amountUsd }, handle: "approve" };
  const name = (await nameFor(resume.output.by, resume.byName ?? null)) ?? "an approver";
  const why = resume.output.comment ? ` (“${resume.output.comment}”)` : "";
  return { kind: "error", retryable: false, error: { message: `extra AI spend of ${formatCost(amountUsd)} was refused by ${name}${why}`, code: "budget_refused" } };
}
