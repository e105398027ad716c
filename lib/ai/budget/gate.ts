import "server-only";
// The per-run AI budget gate. Any executor that calls a model calls it just before the call:
//
//   const paused = await gateAiSpend(ctx, estimateUsd);
//   if (paused) return paused;          // a "wait" (or a refusal): return it as the step's result
//   … make the call, record its cost with ctx.services.run.recordAiUsage …
//
// `ctx` is the executor's context (it needs services.run and services.tasks); `estimateUsd` is
// what the coming call may cost at most (lib/ai/budget/estimate.ts stepCostCeiling: prompt
// size and the max-tokens cap at the model's price). When the workflow has a per-run budget
// and the run's spend so far plus the estimate would exceed it (plus any extra already
// approved), the step pauses: a task "Approve extra spend of $X for <workflow>" goes to the
// workflow's owners. Approving runs the step again, with the run's budget raised by $X, so this
// gate lets it through; rejecting fails the step with "extra AI spend of $X was refused by
// <name>" (lib/ai/budget/answer.ts). The task is keyed by the step's idempotency key, so a
// replayed step finds the same task. No budget, or an unpriced/free call: null, at once.
import type { ExecutorContext, StepResult } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { judgeSpend } from "./arithmetic";
import { formatCost } from "@/lib/format/run-format";
import { BUDGET_WAIT_REASON } from "./wait";
import { readWorkflowBudget } from "./workflow-budget";

export type GateContext = Pick<ExecutorContext<Pick<RuntimeServices, "run" | "tasks">>, "services" | "idempotencyKey" | "runId" | "stepId" | "node" | "now">;

export async function gateAiSpend(ctx: GateContext, estimateUsd: number): Promise<StepResult | null> {
  const { run, tasks } = ctx.services;
  const workflow = await readWorkflowBudget(run.workflowId);
  const perRun = workflow?.budget.perRunUsd;
  if (!workflow || perRun === undefined) return null;
  const spend = run.spend();
  const verdict = judgeSpend(perRun, spend, estimateUsd);
  if (verdict.ok) return null;

  const amount = formatCost(verdict.extraUsd);
  const step = ctx.node.data.title || ctx.node.id;
  const { taskId } = await tasks.createForStep({
    idempotencyKey: ctx.idempotencyKey,
    runId: ctx.runId,
    workflowId: run.workflowId,
    nodeId: ctx.node.id,
    stepId: ctx.stepId,
    stepTitle: step,
    title: `Approve extra spend of ${amount} for ${workflow.name}`,
    description:
      `The AI step "${step}" may cost up to ${formatCost(estimateUsd)}. This run has spent ${formatCost(spend.spentUsd)} of its ` +
      `${formatCost(perRun + spend.approvedUsd)} budget (${formatCost(perRun)} per run${spend.approvedUsd > 0 ? ` plus ${formatCost(spend.approvedUsd)} approved` : ""}). ` +
      `Approve to raise this run's budget by ${amount} and continue; reject to stop the run.`,
    assignee: null,
    candidateRoles: workflow.owners.length > 0 ? [] : ["admin"], // a workflow nobody owns: admins decide
    candidateUsers: workflow.owners,
    priority: "high",
    formFields: [],
    contextData: { workflow: workflow.name, step, estimateUsd, spentUsd: spend.spentUsd, budgetUsd: perRun, approvedUsd: spend.approvedUsd, extraUsd: verdict.extraUsd },
    dueAt: null,
    escalation: null,
    spendApproval: { amountUsd: verdict.extraUsd },
  });
  run.log(`paused: ${formatCost(estimateUsd)} more would exceed the run's AI budget; asked the owners to approve ${amount} (task ${taskId})`);
  return { kind: "wait", reason: BUDGET_WAIT_REASON, output: { taskId, extraUsd: verdict.extraUsd } };
}
