import "server-only";
// A workflow's budget, name and owners, read by _id (cheap on the embedded FerretDB) with the
// graph left out. The gate reads it before every priced AI step so an owner's change applies
// to runs already under way; starting a run reads the same.
import { isValidObjectId } from "mongoose";
import { aclOf } from "@/lib/workflows/access";
import { WITHOUT_GRAPH } from "@/models/graph-codec";
import { Workflow } from "@/models/Workflow";
import type { WorkflowBudget } from "@/lib/workflow/types";

export interface BudgetedWorkflow {
  name: string;
  owners: string[];
  budget: WorkflowBudget;
}

/** Positive finite numbers only: a stored budget that is not one is no budget. */
export function budgetOf(settings: unknown): WorkflowBudget {
  const raw = (settings as { budget?: { perRunUsd?: unknown; perDayUsd?: unknown } } | null)?.budget;
  const ok = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x > 0;
  return { ...(ok(raw?.perRunUsd) ? { perRunUsd: raw.perRunUsd } : {}), ...(ok(raw?.perDayUsd) ? { perDayUsd: raw.perDayUsd } : {}) };
}

export async function readWorkflowBudget(workflowId: string): Promise<BudgetedWorkflow | null> {
  if (!isValidObjectId(workflowId)) return null; // a test's fake run
  const doc = await Workflow.findById(workflowId, WITHOUT_GRAPH).lean<{ name?: string; settings?: unknown; permissions?: Parameters<typeof aclOf>[0] }>();
  if (!doc) return null;
  return { name: doc.name ?? "this workflow", owners: [...aclOf(doc.permissions).owners], budget: budgetOf(doc.settings) };
}
