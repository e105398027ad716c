// Template ids alone, so input schemas can name them without loading the template graphs.
export const WORKFLOW_TEMPLATE_IDS = ["expense-approval", "content-review", "incident-escalation"] as const;
export type WorkflowTemplateId = (typeof WORKFLOW_TEMPLATE_IDS)[number];
