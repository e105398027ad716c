// The built-in templates a new workflow can start from. Pure, so the list page can show them.
import type { TemplateSummary } from "../contract";
import type { WorkflowTemplate } from "./build";
import { contentReviewTemplate } from "./content-review";
import { expenseApprovalTemplate } from "./expense-approval";
import { incidentEscalationTemplate } from "./incident-escalation";

export type { WorkflowTemplate } from "./build";
export { WORKFLOW_TEMPLATE_IDS, type WorkflowTemplateId } from "./ids";

export const workflowTemplates: readonly WorkflowTemplate[] = [
  expenseApprovalTemplate,
  contentReviewTemplate,
  incidentEscalationTemplate,
];

export function getTemplate(id: string): WorkflowTemplate | undefined {
  return workflowTemplates.find((t) => t.id === id);
}

export const templateSummaries: readonly TemplateSummary[] = workflowTemplates.map((t) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  tags: t.tags,
  nodeCount: t.build().nodes.length,
}));
