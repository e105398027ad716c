// services.notifications.send: in-app notifications for users, email through SMTP when it is
// configured. Without SMTP an email step still reaches users in the app, and says so.
import "server-only";
import { createHash } from "node:crypto";
import { objectIdFromKey } from "@/lib/db/key-id";
import type { NotificationRequest } from "@/lib/runtime/services";
import { Notification } from "@/models/Notification";
import { isTransientMailError, sendMail, smtpSettings } from "./mailer";
import { resolveRecipients, type Person } from "./recipients";

export interface FailedDelivery {
  to: string;
  error: string;
  /** A later attempt may succeed (the mail server was unreachable). */
  transient?: boolean;
}

export interface SendResult {
  delivered: number;
  failed: FailedDelivery[];
  /** Things the step's log should say, e.g. that email fell back to in-app. */
  notes: string[];
}

/** One in-app notification per user, created once per idempotency key and user. */
async function notifyInApp(users: Person[], request: NotificationRequest): Promise<number> {
  if (users.length === 0) return 0;
  await Notification.bulkWrite(
    users.map((user) => ({
      updateOne: {
        filter: { _id: objectIdFromKey("notification", `${request.idempotencyKey}\u0000${user.id}`) },
        update: { $setOnInsert: { userId: user.id, title: request.subject || request.body.slice(0, 80), body: request.body, link: request.link ?? null, readAt: null, createdAt: new Date() } },
        upsert: true,
      },
    })),
    { ordered: false, timestamps: false },
  );
  return users.length;
}

async function email(addresses: string[], request: NotificationRequest, result: SendResult): Promise<void> {
  const settings = smtpSettings()!;
  const text = request.link ? `${request.body}\n\n${request.link}` : request.body;
  for (const to of addresses) {
    const messageId = `<${createHash("sha256").update(`${request.idempotencyKey}\u0000${to}`).digest("hex").slice(0, 32)}@switchyard>`;
    try {
      await sendMail(settings, { to, subject: request.subject, text, messageId });
      result.delivered += 1;
    } catch (error) {
      result.failed.push({ to, error: (error as Error).message, transient: isTransientMailError(error) });
    }
  }
}

export async function sendNotification(request: NotificationRequest): Promise<SendResult> {
  const { users, outsiders, refused } = await resolveRecipients(request.recipients);
  const result: SendResult = { delivered: 0, failed: [...refused], notes: [] };
  if (request.channel === "email" && smtpSettings()) {
    await email([...users.map((u) => u.email), ...outsiders], request, result);
    return result;
  }
  if (request.channel === "email") {
    result.notes.push("SMTP is not configured (set SMTP_URL): users get this as an in-app notification instead");
    for (const to of outsiders) result.failed.push({ to, error: "cannot email: SMTP is not configured, and this address belongs to no user" });
  } else {
    for (const to of outsiders) result.failed.push({ to, error: "in-app notifications go to users, and this address belongs to no user" });
  }
  result.delivered += await notifyInApp(users, request);
  return result;
}

/** services.notifications for the runtime. */
export const notificationsService = { send: sendNotification };
