// A task for a person: it pauses the run until someone approves or rejects it in the inbox.
import { z } from "zod";
import {
  choice,
  configObject,
  optionalRef,
  optionalText,
  requiredTemplate,
  requiredText,
  template,
  wholeNumber,
} from "../fields";
import { expressionsAt } from "../expression-paths";
import { inputHandle } from "../handles";
import type { NodeDefinition } from "../types";
import { formFieldsSchema } from "./form-field";

export const taskPriorities = ["low", "medium", "high", "urgent"] as const;
export const escalationActions = ["reassign", "raisePriority", "notify"] as const;

const MINUTES_PER_YEAR = 525_600;

const escalation = z
  .object(
    {
      afterMinutes: wholeNumber("Escalate after", 1, MINUTES_PER_YEAR, " minutes"),
      action: choice("Escalation action", escalationActions),
      /** Who receives the task (reassign) or the message (notify): a user id or email. */
      to: optionalText("Escalate to").optional(),
    },
    { error: "Escalation must be an object" },
  )
  .superRefine((value, ctx) => {
    if (value.action === "reassign" && !value.to?.trim()) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Say who the task is reassigned to" });
    }
  });

const names = (label: string) =>
  z.array(requiredText(label, 320), { error: `${label}s must be a list` }).max(100, { error: `At most 100 ${label.toLowerCase()}s` });

export const humanConfigSchema = configObject({
  titleTemplate: requiredTemplate("Task title", 1_000),
  descriptionTemplate: template("Task description"),
  assignee: optionalRef("Assignee"),
  candidateRoles: names("Role"),
  candidateUsers: names("User"),
  formFields: formFieldsSchema,
  priority: choice("Priority", taskPriorities),
  /** Absent means the task has no due date. */
  dueInMinutes: wholeNumber("Due in", 1, MINUTES_PER_YEAR, " minutes").optional(),
  escalation: escalation.optional(),
}).superRefine((config, ctx) => {
  if (!config.assignee && config.candidateRoles.length === 0 && config.candidateUsers.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["candidateRoles"],
      message: "Choose who can handle the task: an assignee, a role or a user",
    });
  }
});

export type HumanConfig = z.infer<typeof humanConfigSchema>;

export const humanDefinition: NodeDefinition<typeof humanConfigSchema> = {
  notTestableAlone:
    "A human step creates a task for a person and waits for their answer, so it cannot be tested alone. Pin an output (an approval, say) so test runs go on without waiting for anyone.",
  type: "human",
  label: "Human task",
  description: "Waits for a person to approve or reject in the inbox, optionally filling a form.",
  icon: "UserCheck",
  category: "people",
  color: "#ea580c",
  configSchema: humanConfigSchema,
  defaults: () => ({
    titleTemplate: "Review request",
    descriptionTemplate: "",
    candidateRoles: ["approver"],
    candidateUsers: [],
    formFields: [{ name: "comment", label: "Comment", kind: "textarea", required: false }],
    priority: "medium",
  }),
  inputs: [inputHandle],
  outputs: () => [
    { id: "approve", label: "Approve" },
    { id: "reject", label: "Reject" },
  ],
  expressions: expressionsAt([
    { pattern: "titleTemplate", kind: "template" },
    { pattern: "descriptionTemplate", kind: "template" },
  ]),
};
