import "server-only";
// The Run dialog's AI cost estimate: for each AI-calling step of the graph about to run (the
// draft, or the published version), a range from what that step cost in the workflow's recent
// runs, else from its prompt size and output cap at today's prices (Settings → AI models); with
// the workflow's budgets and today's spend, so the dialog can say a run would be refused.
// Needs "workflow:run" on the workflow, like starting the run. Recent runs are read from
// execution_histories by workflowId (20 newest): a scan on the embedded FerretDB, as the
// workflow's runs list already does, done once each time the dialog opens.
import { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { priceOf } from "@/lib/ai/pricing";
import { priceTable } from "@/lib/ai-models/store";
import { workflowIdSchema } from "@/lib/workflows/schema";
import { authorizedWorkflow, graphOf } from "@/lib/workflows/store";
import { loadRunGraph } from "@/lib/runtime/graphs";
import type { WorkflowBudget, WorkflowGraph } from "@/lib/workflow/types";
import { ExecutionHistory } from "@/models/ExecutionHistory";
import { versionId } from "@/models/WorkflowVersion";
import { aiStepShape } from "./ai-steps";
import { dayBudgetReached } from "./arithmetic";
import { spendToday } from "./day-spend";
import { estimateRun, type RunEstimate, type StepToEstimate } from "./estimate";
import { budgetOf } from "./workflow-budget";

/** How many of the workflow's newest ended runs the estimate learns from. */
export const PAST_RUNS = 20;

export const estimateInputSchema = z.object({
  workflowId: workflowIdSchema,
  mode: z.enum(["test", "published"], { error: "Choose a test run of the draft or a run of the published version" }),
});

export interface RunCostEstimate extends RunEstimate {
  budget: WorkflowBudget;
  spentTodayUsd: number;
  /** Today's spend reached the day budget: starting is refused. */
  dayBlocked: boolean;
}

export type EstimateResult = { ok: true; estimate: RunCostEstimate } | { ok: false; message: string };

type PastRun = { nodeAiUsage?: { nodeId?: string | null; cost?: number | null }[] | null };

/** Steps and past costs → the estimate's inputs. Exported for the tests. */
export function stepsToEstimate(graph: WorkflowGraph, past: readonly PastRun[], prices: Parameters<typeof priceOf>[2]): { steps: StepToEstimate[]; pastRuns: number } {
  const steps: StepToEstimate[] = [];
  for (const node of graph.nodes) {
    const shape = aiStepShape(node.type, node.data.config);
    if (!shape) continue;
    steps.push({ nodeId: node.id, title: node.data.title || node.id, shape, price: priceOf(shape.provider, shape.model, prices), past: [] });
  }
  let pastRuns = 0;
  for (const run of past) {
    let counted = false;
    for (const step of steps) {
      const usage = (run.nodeAiUsage ?? []).find((u) => u.nodeId === step.nodeId);
      if (!usage) continue;
      step.past.push(usage.cost ?? 0);
      counted = true;
    }
    if (counted) pastRuns += 1;
  }
  return { steps, pastRuns };
}

export async function estimateRunFor(actor: Actor, raw: unknown): Promise<EstimateResult> {
  const parsed = estimateInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `The estimate was refused: ${parsed.error.issues[0].message}` };
  const { workflowId, mode } = parsed.data;
  const workflow = await authorizedWorkflow(actor, workflowId, "workflow:run", { graph: mode === "test" });
  let graph: WorkflowGraph;
  if (mode === "published") {
    if (workflow.publishedVersion == null) return { ok: false, message: "This workflow has no published version yet." };
    graph = await loadRunGraph(versionId(workflowId, workflow.publishedVersion));
  } else graph = graphOf(workflow);

  const [prices, past, spent] = await Promise.all([
    priceTable(),
    ExecutionHistory.find({ workflowId }, { nodeAiUsage: 1 }).sort({ endedAt: -1 }).limit(PAST_RUNS).lean<PastRun[]>(),
    spendToday(),
  ]);
  const { steps, pastRuns } = stepsToEstimate(graph, past, prices);
  const budget = budgetOf(workflow.settings);
  const spentTodayUsd = spent.get(workflowId) ?? 0;
  return { ok: true, estimate: { ...estimateRun(steps, pastRuns), budget, spentTodayUsd, dayBlocked: dayBudgetReached(budget.perDayUsd, spentTodayUsd) } };
}
