// Validates a workflow graph for the canvas (as the user edits) and the server (before a
// publish or a run). Pure and linear-time, so it can run on every change of a large graph.
import type { WorkflowGraph } from "@/lib/workflow/types";
import { buildGraphIndex } from "./graph-index";
import type { Problem } from "./problems";
import { validateNodeConfigs } from "./validate-config";
import { validateFlow } from "./validate-flow";

export type { Problem, ProblemCode } from "./problems";

export function validateWorkflow(graph: WorkflowGraph): Problem[] {
  const problems: Problem[] = [];
  const index = buildGraphIndex(graph, problems);
  validateNodeConfigs(index, problems);
  validateFlow(index, problems);
  return problems;
}

/** True when nothing blocks a run; warnings do not. */
export function isRunnable(problems: readonly Problem[]): boolean {
  return problems.every((p) => p.severity !== "error");
}
