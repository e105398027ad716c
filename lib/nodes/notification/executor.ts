// The notification step: renders recipients, subject and message, then sends through
// services.notifications, and continues: a notification is not worth failing a run over, so
// recipients that cannot be reached are listed in the output and the log. Only when nobody was
// reached because the mail server was unreachable does the step fail, retryably.
import "server-only";
import type { NodeExecutor } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import type { NotificationConfig } from "./definition";

type Services = Pick<RuntimeServices, "run" | "notifications">;

interface Failure {
  to: string;
  error: string;
  transient?: boolean;
}

/** A rendered recipient may hold several, separated by commas, semicolons or spaces. */
function splitRecipients(rendered: string): string[] {
  return rendered.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

export const notificationExecutor: NodeExecutor<Services> = async (ctx) => {
  const config = ctx.config as NotificationConfig;
  const recipients: string[] = [];
  for (const [i, entry] of config.recipients.entries()) {
    recipients.push(...splitRecipients(await ctx.expressions.render(entry, { path: `recipients.${i}`, label: "a recipient" })));
  }
  const unique = [...new Set(recipients)];
  if (unique.length === 0) return { kind: "error", retryable: false, error: { message: "no recipients are left after filling in the placeholders", code: "no_recipients", path: "recipients" } };
  const subject = (await ctx.expressions.render(config.subjectTemplate ?? "", { path: "subjectTemplate", label: "the subject" })).trim();
  const body = await ctx.expressions.render(config.bodyTemplate, { path: "bodyTemplate", label: "the message" });

  const sent = await ctx.services.notifications.send({ idempotencyKey: ctx.idempotencyKey, channel: config.channel, recipients: unique, subject, body, link: `/runs/${ctx.runId}` });
  const failed = sent.failed as Failure[];
  for (const note of (sent as { notes?: string[] }).notes ?? []) ctx.services.run.log(note);
  for (const f of failed) ctx.services.run.log(`not delivered to ${f.to}: ${f.error}`);
  ctx.services.run.log(`${config.channel === "email" ? "email" : "in-app notification"} delivered to ${sent.delivered} of ${sent.delivered + failed.length}`);

  const output = { channel: config.channel, delivered: sent.delivered, failed: failed.map(({ to, error }) => ({ to, error })) };
  if (sent.delivered === 0 && failed.some((f) => f.transient)) {
    return {
      kind: "error",
      retryable: true,
      error: { message: `nobody was notified: ${failed.map((f) => `${f.to} (${f.error})`).join("; ")}`, code: "not_delivered", details: output },
    };
  }
  return { kind: "ok", output };
};
