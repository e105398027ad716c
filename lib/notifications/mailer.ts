// Email through SMTP (nodemailer) when SMTP_URL is set, e.g. smtp://user:pass@mail.example.com:587
// or smtp://127.0.0.1:2525. SMTP_FROM is the sender ("Switchyard <noreply@example.com>").
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

export interface SmtpSettings {
  url: string;
  from: string;
}

export function smtpSettings(): SmtpSettings | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: process.env.SMTP_FROM?.trim() || "Switchyard <switchyard@localhost>" };
}

let cached: { url: string; transport: Transporter } | null = null;

function transportFor(url: string): Transporter {
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }) };
  }
  return cached.transport;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Stable per step and recipient, so a mail server or client can spot a resend. */
  messageId: string;
}

export async function sendMail(settings: SmtpSettings, mail: Mail): Promise<void> {
  await transportFor(settings.url).sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
}

/** Network trouble that may pass (refused, reset, timed out, 4xx replies); 5xx replies and bad addresses will not. */
export function isTransientMailError(error: unknown): boolean {
  const e = error as { code?: string; responseCode?: number };
  if (typeof e.responseCode === "number") return e.responseCode >= 400 && e.responseCode < 500;
  return ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNREFUSED", "ECONNRESET", "EDNS"].includes(e.code ?? "");
}
