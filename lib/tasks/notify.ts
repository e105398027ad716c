// In-app notifications (and email when SMTP is configured) about a task: new, delegated,
// escalated, overdue, reminder. Once per task, kind and version, so a retried job sends none twice.
import "server-only";
import { smtpSettings } from "@/lib/notifications/mailer";
import { sendNotification } from "@/lib/notifications/send";

export type TaskNoticeKind = "new" | "delegated" | "escalated" | "overdue" | "reminder";

const SUBJECTS: Record<TaskNoticeKind, string> = {
  new: "New task",
  delegated: "Task delegated to you",
  escalated: "Task escalated",
  overdue: "Task overdue",
  reminder: "Task due soon",
};

/** Recipients are user ids, emails or role names as lib/notifications/recipients.ts reads them. */
export async function notifyAboutTask(task: { id: string; title: string; version: number }, kind: TaskNoticeKind, recipients: readonly string[], note = ""): Promise<void> {
  const to = recipients.map((r) => r.trim()).filter(Boolean);
  if (to.length === 0) return;
  const base = {
    idempotencyKey: `task:${task.id}:${kind}:${task.version}`,
    recipients: to,
    subject: `${SUBJECTS[kind]}: ${task.title}`.slice(0, 200),
    body: note ? `${task.title}\n\n${note}` : task.title,
    link: `/inbox/${task.id}`,
  };
  try {
    await sendNotification({ ...base, channel: "in_app" });
    if (smtpSettings()) await sendNotification({ ...base, channel: "email" });
  } catch (error) {
    // A notification is a courtesy: the task itself changed already and the inbox shows it.
    console.error(`[inbox] notifying about task ${task.id} failed:`, error);
  }
}

/** Roles as recipients: "role:<name>". */
export function roleRecipients(roles: readonly string[]): string[] {
  return roles.map((r) => `role:${r}`);
}
