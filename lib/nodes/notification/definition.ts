// Tells people something without waiting for them: an in-app notification or an email.
import { z } from "zod";
import { choice, configObject, requiredTemplate, requiredText, template } from "../fields";
import { expressionsAt } from "../expression-paths";
import { inputHandle, nextHandle } from "../handles";
import { hasPlaceholders } from "@/lib/expressions";
import type { NodeDefinition } from "../types";

export const notificationChannels = ["in_app", "email"] as const;

export const notificationConfigSchema = configObject({
  channel: choice("Channel", notificationChannels),
  /** User ids or emails, or templates that give one at run time. */
  recipients: z
    .array(requiredText("Recipient", 320), { error: "Recipients must be a list" })
    .min(1, { error: "Add at least one recipient" })
    .max(100, { error: "At most 100 recipients" }),
  subjectTemplate: template("Subject", 1_000),
  bodyTemplate: requiredTemplate("Message"),
}).superRefine((config, ctx) => {
  if (config.channel !== "email") return;
  if (config.subjectTemplate.trim() === "") {
    ctx.addIssue({ code: "custom", path: ["subjectTemplate"], message: "Subject is required for an email" });
  }
  config.recipients.forEach((recipient, index) => {
    // A templated recipient is only known at run time; a literal one must look like an email.
    if (!hasPlaceholders(recipient) && !/^[^\s@]+@[^\s@]+$/.test(recipient.trim())) {
      ctx.addIssue({ code: "custom", path: ["recipients", index], message: `"${recipient}" is not an email address` });
    }
  });
});

export type NotificationConfig = z.infer<typeof notificationConfigSchema>;

export const notificationDefinition: NodeDefinition<typeof notificationConfigSchema> = {
  type: "notification",
  label: "Notification",
  description: "Sends an in-app notification or an email, then continues at once.",
  icon: "Bell",
  category: "integrations",
  color: "#db2777",
  configSchema: notificationConfigSchema,
  // Recipients and message are left blank on purpose: only the designer knows them.
  defaults: () => ({ channel: "in_app", recipients: [], subjectTemplate: "", bodyTemplate: "" }),
  blankRequired: ["recipients", "bodyTemplate"],
  inputs: [inputHandle],
  outputs: () => [nextHandle],
  expressions: expressionsAt([
    { pattern: "recipients.*", kind: "template" },
    { pattern: "subjectTemplate", kind: "template" },
    { pattern: "bodyTemplate", kind: "template" },
  ]),
};
