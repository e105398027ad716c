// One zod schema per trigger kind, shared by the panel's form and the server actions. The cron
// and time zone are checked with croner here, so a bad one is refused beside its field.
import { z } from "zod";
import { checkCron } from "./cron";

export const WEBHOOK_METHODS = ["POST", "GET", "PUT"] as const;
export const MAX_BODY_LIMIT_KB = 1024;
export const MAX_WAIT_SECONDS = 120;

const optionalDate = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value == null || value.trim() === "") return null;
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a date and time` });
      return z.NEVER;
    }
    return at;
  });

export const scheduleInputSchema = z
  .object({
    cron: z.string({ error: "Enter a cron expression" }).trim().max(200, { error: "A cron expression is at most 200 characters" }),
    timezone: z.string({ error: "Choose a time zone" }).trim().min(1, { error: "Choose a time zone" }),
    startAt: optionalDate,
    endAt: optionalDate,
    missed: z.enum(["skip", "runOnce"], { error: "Missed fires are skipped or run once" }).default("skip"),
  })
  .superRefine((s, ctx) => {
    const checked = checkCron(s.cron, s.timezone);
    if (!checked.ok) ctx.addIssue({ code: "custom", path: [checked.field], message: checked.message });
    if (s.startAt && s.endAt && s.endAt <= s.startAt) ctx.addIssue({ code: "custom", path: ["endAt"], message: "The end must be after the start" });
  });

export const webhookInputSchema = z.object({
  methods: z
    .array(z.enum(WEBHOOK_METHODS, { error: "Methods are POST, GET or PUT" }))
    .min(1, { error: "Choose at least one method" })
    .transform((m) => [...new Set(m)]),
  auth: z.enum(["token", "hmac"], { error: "Choose a bearer token or an HMAC signature" }),
  responseMode: z.enum(["accepted", "wait"], { error: "Answer at once (202) or wait for the result" }).default("accepted"),
  waitSeconds: z.coerce
    .number({ error: "The time limit is a number of seconds" })
    .int({ error: "The time limit is a whole number of seconds" })
    .min(1, { error: "The time limit is at least 1 second" })
    .max(MAX_WAIT_SECONDS, { error: `The time limit is at most ${MAX_WAIT_SECONDS} seconds` })
    .default(10),
  ratePerMinute: z.coerce
    .number({ error: "The rate limit is a number of requests per minute" })
    .int({ error: "The rate limit is a whole number" })
    .min(1, { error: "The rate limit is at least 1 request per minute" })
    .max(100_000, { error: "The rate limit is at most 100000 requests per minute" })
    .default(600),
  maxBodyKb: z.coerce
    .number({ error: "The body limit is a number of KB" })
    .int({ error: "The body limit is a whole number of KB" })
    .min(1, { error: "The body limit is at least 1 KB" })
    .max(MAX_BODY_LIMIT_KB, { error: `The body limit is at most ${MAX_BODY_LIMIT_KB} KB (1 MB)` })
    .default(MAX_BODY_LIMIT_KB),
});

const common = {
  workflowId: z.string({ error: "Workflow id is required" }),
  name: z.string().trim().max(100, { error: "A name is at most 100 characters" }).default(""),
  enabled: z.boolean().default(true),
};

export const triggerInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...common, kind: z.literal("schedule"), schedule: scheduleInputSchema }),
    z.object({ ...common, kind: z.literal("webhook"), webhook: webhookInputSchema }),
  ],
  { error: "A trigger is a schedule or a webhook" },
);

export type TriggerInput = z.input<typeof triggerInputSchema>;
export type ScheduleInput = z.input<typeof scheduleInputSchema>;
export type WebhookInput = z.input<typeof webhookInputSchema>;

export const triggerRefSchema = z.object({
  workflowId: z.string({ error: "Workflow id is required" }),
  triggerId: z.string({ error: "Trigger id is required" }).regex(/^[A-Za-z0-9_-]{32}$/, { error: "That is not a trigger id" }),
});

export const updateTriggerSchema = z.intersection(triggerRefSchema.pick({ triggerId: true }), triggerInputSchema);
