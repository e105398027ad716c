// What the Triggers panel and the trigger server actions exchange. Pure types: no secret is ever
// part of a view; a new token or HMAC secret comes back once, in CreatedSecret.

export interface FiringView {
  id: string;
  at: string;
  runId: string | null;
  status: "started" | "refused";
  reason: string | null;
}

export interface ScheduleView {
  cron: string;
  timezone: string;
  startAt: string | null;
  endAt: string | null;
  missed: "skip" | "runOnce";
  /** "every weekday at 09:00", or null when the expression has no short description. */
  description: string | null;
  /** The next fire times (ISO), 3 of them. */
  next: string[];
}

export interface WebhookView {
  path: string;
  methods: string[];
  auth: "token" | "hmac";
  responseMode: "accepted" | "wait";
  waitSeconds: number;
  ratePerMinute: number;
  maxBodyKb: number;
}

export interface TriggerView {
  id: string;
  kind: "schedule" | "webhook";
  name: string;
  enabled: boolean;
  ownerName: string;
  active: boolean;
  /** Why it does not fire now, when it does not. */
  inactiveReason: string | null;
  schedule: ScheduleView | null;
  webhook: WebhookView | null;
  recent: FiringView[];
  /** Deliveries answered 202 whose runs have not started yet (webhooks; 0 for schedules). */
  waiting: number;
}

export interface TriggersPanelData {
  workflowId: string;
  canEdit: boolean;
  /** Why triggers do not fire at all (not published, archived), or null. */
  workflowInactiveReason: string | null;
  triggers: TriggerView[];
}

export interface CreatedSecret {
  kind: "token" | "hmac";
  value: string;
}
