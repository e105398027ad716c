import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { fakeContext } from "@/lib/nodes/test-context";
import { notificationExecutor } from "@/lib/nodes/notification/executor";
import { Notification } from "@/models/Notification";
import { User } from "@/models/User";
import { notificationsService, sendNotification } from "./send";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let smtpUrl = "";
const ids: Record<string, string> = {};

beforeAll(async () => {
  const users = await User.create([
    { email: "ann@example.com", name: "Ann", passwordHash: "x", roles: ["approver"] },
    { email: "bob@example.com", name: "Bob", passwordHash: "x", roles: ["approver"], active: false },
    { email: "carl@example.com", name: "Carl", passwordHash: "x", roles: ["manager"] },
  ]);
  for (const u of users) ids[u.name] = String(u._id);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  received.length = 0;
});

afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const base = { idempotencyKey: "run-1:notify#1:1", subject: "Expense approved", body: "Your 120 EUR claim was approved." };

describe("notifications (real database, local SMTP server)", () => {
  it("writes in-app notifications to users, expands roles to active users, and says who was not reached", async () => {
    const result = await sendNotification({ ...base, channel: "in_app", recipients: ["role:approver", ids.Carl, "outsider@example.com", "nonsense", "role:pilot"] });
    expect(result.delivered).toBe(2);
    expect(result.failed.map((f) => f.to).sort()).toEqual(["nonsense", "outsider@example.com", "role:pilot"]);
    const stored = await Notification.find({}).lean();
    expect(stored.map((n) => n.userId).sort()).toEqual([ids.Ann, ids.Carl].sort());
    expect(stored[0]).toMatchObject({ title: "Expense approved", body: base.body });
    expect(stored[0].readAt ?? null).toBeNull();

    // A replayed step (same idempotency key) adds nothing.
    await sendNotification({ ...base, channel: "in_app", recipients: ["role:approver", ids.Carl] });
    expect(await Notification.countDocuments()).toBe(2);
    const deactivated = await sendNotification({ ...base, idempotencyKey: "k2", channel: "in_app", recipients: [ids.Bob] });
    expect(deactivated).toMatchObject({ delivered: 0, failed: [{ to: ids.Bob, error: "this user is deactivated" }] });
  });

  it("emails users and outside addresses through SMTP when SMTP_URL is set", async () => {
    process.env.SMTP_URL = smtpUrl;
    process.env.SMTP_FROM = "Switchyard <noreply@example.com>";
    const result = await sendNotification({ ...base, idempotencyKey: "k3", channel: "email", recipients: ["role:approver", "Outsider@Example.com"] });
    expect(result).toMatchObject({ delivered: 2, failed: [] });
    expect(received.map((m) => m.to[0]).sort()).toEqual(["ann@example.com", "outsider@example.com"]);
    expect(received[0].from).toBe("noreply@example.com");
    expect(received[0].raw).toContain("Subject: Expense approved");
    expect(received[0].raw).toContain("Your 120 EUR claim was approved.");
    expect(received[0].raw).toMatch(/Message-ID: <[0-9a-f]{32}@switchyard>/i);
  });

  it("falls back to in-app for users, with a note, when SMTP is not configured", async () => {
    const result = await sendNotification({ ...base, idempotencyKey: "k4", channel: "email", recipients: ["ann@example.com", "outsider@example.com"] });
    expect(result.delivered).toBe(1);
    expect(result.notes[0]).toMatch(/SMTP is not configured/);
    expect(result.failed).toEqual([{ to: "outsider@example.com", error: expect.stringMatching(/SMTP is not configured/) }]);
  });

  it("the notification step renders its templates, continues, and retries only when the mail server is down", async () => {
    process.env.SMTP_URL = smtpUrl;
    const config = { channel: "email", recipients: ["{{ employee }}", "{{ watchers }}"], subjectTemplate: "Claim {{ id }}", bodyTemplate: "Amount: {{ amount }}" };
    const input = { employee: "ann@example.com", watchers: "carl@example.com, outsider@example.com", id: 7, amount: 120 };
    const step = fakeContext({ type: "notification", config, input, services: { notifications: notificationsService } });
    const ok = await notificationExecutor(step.ctx);
    expect(ok).toMatchObject({ kind: "ok", output: { channel: "email", delivered: 3, failed: [] } });
    expect(received.map((m) => m.to[0]).sort()).toEqual(["ann@example.com", "carl@example.com", "outsider@example.com"]);
    expect(received[0].raw).toContain("Subject: Claim 7");

    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const down = await notificationExecutor(fakeContext({ type: "notification", config, input, services: { notifications: notificationsService } }).ctx);
    expect(down).toMatchObject({ kind: "error", retryable: true, error: { code: "not_delivered" } });

    // Nobody to reach for good (not a user, no email): the run goes on, and the output says so.
    delete process.env.SMTP_URL;
    const nobody = await notificationExecutor(
      fakeContext({ type: "notification", config: { ...config, channel: "in_app" }, input: { ...input, employee: "stranger@example.com", watchers: "" }, services: { notifications: notificationsService } }).ctx,
    );
    expect(nobody).toMatchObject({ kind: "ok", output: { delivered: 0, failed: [{ to: "stranger@example.com" }] } });
  });
});
