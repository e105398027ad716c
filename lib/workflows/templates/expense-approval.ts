// Expense approval: the AI sorts the claim, large or unusual claims go to a manager, and the
// employee hears the outcome either way.
import { link, step, type WorkflowTemplate } from "./build";

const CLASSIFICATION_SCHEMA = JSON.stringify({
  type: "object",
  properties: {
    category: { type: "string", enum: ["travel", "meals", "equipment", "software", "other"] },
    unusual: { type: "boolean" },
    reason: { type: "string" },
  },
  required: ["category", "unusual"],
});

const NEEDS_MANAGER = "$input.amount > 1000 or $nodes.classify.object.unusual = true";

export const expenseApprovalTemplate: WorkflowTemplate = {
  id: "expense-approval",
  name: "Expense approval",
  description: "AI classifies the claim; large or unusual amounts go to a manager; the employee is notified.",
  tags: ["finance", "approval"],
  category: "finance",
  build: () => ({
    nodes: [
      step("start", "start", [0, 0], "Expense claim", {
        fields: [
          { name: "employee", label: "Employee email", type: "string", required: true },
          { name: "amount", label: "Amount", type: "number", required: true },
          { name: "currency", label: "Currency", type: "string", required: true },
          { name: "description", label: "What was it for?", type: "string", required: true },
          { name: "expenseDate", label: "Date of the expense", type: "date", required: false },
        ],
      }),
      step("classify", "ai", [1, 0], "Classify the claim", {
        provider: "simulated",
        model: "simulated",
        systemPrompt: "You review expense claims for a finance team. Answer only with the requested JSON.",
        promptTemplate:
          "Classify this expense claim from {{ $input.employee }}: {{ $input.description }} " +
          "({{ $input.amount }} {{ $input.currency }}). Give its category, and say whether it looks unusual and why.",
        temperature: 0,
        maxTokens: 512,
        outputMode: "json",
        jsonSchema: CLASSIFICATION_SCHEMA,
      }),
      step("amount_check", "decision", [2, 0], "Needs a manager?", {
        branches: [{ id: "large", label: "Over 1,000 or unusual", condition: NEEDS_MANAGER }],
      }),
      step("manager_approval", "human", [3, -1], "Manager approval", {
        titleTemplate: "Approve {{ $input.amount }} {{ $input.currency }} from {{ $input.employee }}",
        descriptionTemplate:
          "{{ $input.description }}\n\nAI category: {{ $nodes.classify.object.category }}. {{ $nodes.classify.object.reason }}",
        candidateRoles: ["manager"],
        candidateUsers: [],
        // The approver's comment comes with the decision ($nodes.manager_approval.comment): one place to write it.
        formFields: [],
        priority: "medium",
        dueInMinutes: 2_880,
      }),
      step("notify_approved", "notification", [4, 0], "Tell the employee: approved", {
        channel: "in_app",
        recipients: ["{{ $input.employee }}"],
        subjectTemplate: "Expense approved",
        bodyTemplate: "Your expense of {{ $input.amount }} {{ $input.currency }} ({{ $input.description }}) was approved.",
      }),
      step("notify_rejected", "notification", [4, -2], "Tell the employee: rejected", {
        channel: "in_app",
        recipients: ["{{ $input.employee }}"],
        subjectTemplate: "Expense rejected",
        bodyTemplate:
          "Your expense of {{ $input.amount }} {{ $input.currency }} was rejected. {{ $nodes.manager_approval.comment }}",
      }),
      step("end_approved", "end", [5, 0], "Approved", {
        outputMapping: [{ key: "approved", expression: "true" }],
      }),
      step("end_rejected", "end", [5, -2], "Rejected", {
        outputMapping: [{ key: "approved", expression: "false" }],
      }),
    ],
    edges: [
      link("start", "classify"),
      link("classify", "amount_check", { handle: "out" }),
      link("amount_check", "manager_approval", { handle: "large", label: "Over 1,000 or unusual", condition: NEEDS_MANAGER }),
      link("amount_check", "notify_approved", { handle: "default", label: "Otherwise" }),
      link("manager_approval", "notify_approved", { handle: "approve", label: "Approve" }),
      link("manager_approval", "notify_rejected", { handle: "reject", label: "Reject" }),
      link("notify_approved", "end_approved"),
      link("notify_rejected", "end_rejected"),
    ],
  }),
};
