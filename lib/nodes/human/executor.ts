// The human step: renders the task's title and description, creates the task (once per
// idempotency key) and pauses the run. The run continues when the task is completed
// (lib/tasks/complete.ts), leaving by the "approve" or "reject" output.
import "server-only";
import type { NodeExecutor } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import type { HumanConfig } from "./definition";

type Services = Pick<RuntimeServices, "run" | "tasks">;

/** The wait reason the runtime knows human steps by (lib/runtime: answers, cancels, metrics). */
export const HUMAN_WAIT_REASON = "human";

export const humanExecutor: NodeExecutor<Services> = async (ctx) => {
  const config = ctx.config as HumanConfig;
  const title = (await ctx.expressions.render(config.titleTemplate, { path: "titleTemplate", label: "the task title" })).trim();
  const description = await ctx.expressions.render(config.descriptionTemplate ?? "", { path: "descriptionTemplate", label: "the task description" });
  const { taskId } = await ctx.services.tasks.createForStep({
    idempotencyKey: ctx.idempotencyKey,
    runId: ctx.runId,
    workflowId: ctx.services.run.workflowId,
    nodeId: ctx.node.id,
    stepId: ctx.stepId,
    stepTitle: ctx.node.data.title || undefined,
    title: title || ctx.node.data.title || "Task",
    description,
    assignee: config.assignee ?? null,
    candidateRoles: config.candidateRoles ?? [],
    candidateUsers: config.candidateUsers ?? [],
    priority: config.priority ?? "medium",
    formFields: config.formFields ?? [],
    contextData: ctx.input,
    dueAt: config.dueInMinutes ? new Date(ctx.now + config.dueInMinutes * 60_000) : null,
    escalation: config.escalation ?? null,
  });
  ctx.services.run.log(`created task ${taskId}: "${title}"`);
  return { kind: "wait", reason: HUMAN_WAIT_REASON, output: { taskId } };
};
