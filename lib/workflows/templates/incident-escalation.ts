// Incident escalation: on-call and the team hear about it at once, the team gets 15 minutes
// to react, then an approver confirms it is handled or escalates to a second approver.
import { link, step, type WorkflowTemplate } from "./build";

export const incidentEscalationTemplate: WorkflowTemplate = {
  id: "incident-escalation",
  name: "Incident escalation",
  description: "Notifies on-call and the team in parallel, waits, then asks for acknowledgement with escalation to a second approver.",
  tags: ["operations", "incident"],
  category: "operations",
  build: () => ({
    nodes: [
      step("start", "start", [0, 0], "Incident reported", {
        fields: [
          { name: "title", label: "Title", type: "string", required: true },
          { name: "severity", label: "Severity (1-4)", type: "number", required: true },
          { name: "service", label: "Affected service", type: "string", required: true },
          { name: "details", label: "Details", type: "string", required: false },
        ],
      }),
      step("split", "parallel", [1, 0], "Alert everyone", { mode: "split" }),
      step("notify_oncall", "notification", [2, -1], "Page on-call", {
        channel: "in_app",
        recipients: ["oncall@example.com"],
        subjectTemplate: "Incident: {{ $input.title }}",
        bodyTemplate: "Severity {{ $input.severity }} incident on {{ $input.service }}: {{ $input.details }}",
      }),
      step("notify_team", "notification", [2, 1], "Email the team", {
        channel: "email",
        recipients: ["incidents@example.com"],
        subjectTemplate: "[SEV{{ $input.severity }}] {{ $input.title }}",
        bodyTemplate: "An incident was reported on {{ $input.service }}.\n\n{{ $input.details }}",
      }),
      step("join", "parallel", [3, 0], "Both alerts sent", { mode: "join" }),
      step("wait", "timer", [4, 0], "Give the team 15 minutes", { mode: "delay", delaySeconds: 900 }),
      step("acknowledge", "human", [5, 0], "Acknowledge the incident", {
        titleTemplate: "Is the incident \"{{ $input.title }}\" under control?",
        descriptionTemplate: "Approve when it is handled; reject to escalate to the incident lead.",
        candidateRoles: ["approver"],
        candidateUsers: [],
        formFields: [{ name: "status", label: "Status update", kind: "textarea", required: true }],
        priority: "urgent",
        dueInMinutes: 30,
        escalation: { afterMinutes: 30, action: "raisePriority" },
      }),
      step("escalate", "human", [6, 1], "Incident lead decides", {
        titleTemplate: "Escalated: {{ $input.title }}",
        descriptionTemplate: "The first responder could not confirm the incident is under control: {{ $nodes.acknowledge.values.status }}",
        candidateRoles: ["manager"],
        candidateUsers: [],
        formFields: [{ name: "decision", label: "What happens next", kind: "textarea", required: true }],
        priority: "urgent",
        dueInMinutes: 30,
      }),
      step("end", "end", [7, 0], "Closed", {
        outputMapping: [{ key: "escalated", expression: "$exists($nodes.escalate)" }],
      }),
    ],
    edges: [
      link("start", "split"),
      link("split", "notify_oncall"),
      link("split", "notify_team"),
      link("notify_oncall", "join"),
      link("notify_team", "join"),
      link("join", "wait"),
      link("wait", "acknowledge"),
      link("acknowledge", "end", { handle: "approve", label: "Handled" }),
      link("acknowledge", "escalate", { handle: "reject", label: "Escalate" }),
      link("escalate", "end", { handle: "approve", label: "Resolved" }),
      link("escalate", "end", { handle: "reject", label: "Closed anyway" }),
    ],
  }),
};
