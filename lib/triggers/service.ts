import "server-only";
// Creating, changing, rotating and deleting a workflow's triggers, and the panel's view of them.
// Seeing them needs workflow:view; changing them workflow:edit. Whoever creates or last changes
// a trigger becomes its owner: its runs act with that person's rights (checked again at every
// firing, lib/triggers/fire.ts). A new token or HMAC secret is returned once and never again.
import type { Actor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/roles";
import { runClock } from "@/lib/runtime/clock";
import { aclOf } from "@/lib/workflows/access";
import type { Outcome } from "@/lib/workflows/contract";
import { fieldErrors } from "@/lib/workflows/refusals";
import { ARCHIVED, authorizedWorkflow, userNames } from "@/lib/workflows/store";
import { Trigger, type TriggerDoc } from "@/models/Trigger";
import { TriggerRecent } from "@/models/TriggerRecent";
import type { CreatedSecret, TriggerView, TriggersPanelData } from "./contract";
import { checkCron, nextFires } from "./cron";
import { describeCron } from "./describe";
import { newTriggerId } from "./ids";
import { recentFirings } from "./recent";
import { waitingDeliveries } from "./webhook/deliveries";
import { triggerInputSchema, triggerRefSchema, updateTriggerSchema } from "./schema";
import { storedSecret } from "./secrets";
import { inactiveReason, workflowInactiveReason } from "./state";

const MAX_TRIGGERS = 20;

type Parsed = ReturnType<typeof triggerInputSchema.parse>;

function refusal(error: import("zod").ZodError, what: string) {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    // Field errors keyed by the field's own name (cron, timezone, methods…), so the form shows them beside it.
    const key = String(issue.path.at(-1) ?? issue.path[0] ?? "form");
    (errors[key] ??= []).push(issue.message);
  }
  return { ok: false as const, message: `${what}: ${error.issues[0].message}`, errors: Object.keys(errors).length ? errors : fieldErrors(error) };
}

function configFields(input: Parsed): Record<string, unknown> {
  if (input.kind === "schedule") return { schedule: input.schedule, webhook: null };
  const w = input.webhook;
  return {
    schedule: null,
    "webhook.methods": w.methods,
    "webhook.auth": w.auth,
    "webhook.responseMode": w.responseMode,
    "webhook.waitMs": w.waitSeconds * 1000,
    "webhook.ratePerMinute": w.ratePerMinute,
    "webhook.maxBodyBytes": w.maxBodyKb * 1024,
  };
}

export async function createTrigger(actor: Actor, raw: unknown): Promise<Outcome<{ trigger: TriggerView; secret: CreatedSecret | null }>> {
  const parsed = triggerInputSchema.safeParse(raw);
  if (!parsed.success) return refusal(parsed.error, "The trigger was not saved");
  const input = parsed.data;
  const workflow = await authorizedWorkflow(actor, input.workflowId, "workflow:edit");
  if (workflow.status === "archived") return { ok: false, message: ARCHIVED };
  if ((await Trigger.countDocuments({ workflowId: input.workflowId })) >= MAX_TRIGGERS) {
    return { ok: false, message: `A workflow has at most ${MAX_TRIGGERS} triggers; delete one first.` };
  }
  const id = newTriggerId();
  const secret = input.kind === "webhook" ? storedSecret(id, input.webhook.auth) : null;
  const doc = new Trigger({ _id: id, workflowId: input.workflowId, kind: input.kind, name: input.name, enabled: input.enabled, owner: actor.id, armedAt: new Date(runClock.now()) });
  doc.set(configFields(input));
  if (secret) doc.set(secret.fields);
  await doc.save();
  const stored = await Trigger.findById(id).lean<TriggerDoc>();
  return {
    ok: true,
    message: input.kind === "webhook" ? "Webhook created. Copy its secret now: it is not shown again." : "Schedule created.",
    trigger: (await viewsOf([stored!], workflow))[0],
    secret: input.kind === "webhook" && secret ? { kind: input.webhook.auth, value: secret.value } : null,
  };
}

/** Changes a trigger's settings; changing a webhook's auth kind issues a new secret (returned once). */
export async function updateTrigger(actor: Actor, raw: unknown): Promise<Outcome<{ trigger: TriggerView; secret: CreatedSecret | null }>> {
  const parsed = updateTriggerSchema.safeParse(raw);
  if (!parsed.success) return refusal(parsed.error, "The trigger was not saved");
  const input = parsed.data;
  const workflow = await authorizedWorkflow(actor, input.workflowId, "workflow:edit");
  if (workflow.status === "archived") return { ok: false, message: ARCHIVED };
  const existing = await Trigger.findById(input.triggerId).lean<TriggerDoc>();
  if (!existing || existing.workflowId !== input.workflowId) return { ok: false, message: "This trigger no longer exists." };
  if (existing.kind !== input.kind) return { ok: false, message: "A trigger's kind cannot change; delete it and add another." };
  const set: Record<string, unknown> = { ...configFields(input), name: input.name, enabled: input.enabled, owner: actor.id, armedAt: new Date(runClock.now()) };
  let secret: CreatedSecret | null = null;
  if (input.kind === "webhook" && existing.webhook?.auth !== input.webhook.auth) {
    const fresh = storedSecret(input.triggerId, input.webhook.auth);
    Object.assign(set, fresh.fields);
    secret = { kind: input.webhook.auth, value: fresh.value };
  }
  await Trigger.updateOne({ _id: input.triggerId }, { $set: set });
  const stored = await Trigger.findById(input.triggerId).lean<TriggerDoc>();
  return { ok: true, message: secret ? "Saved. Copy the new secret now: it is not shown again." : "Saved.", trigger: (await viewsOf([stored!], workflow))[0], secret };
}

export async function rotateSecret(actor: Actor, raw: unknown): Promise<Outcome<{ secret: CreatedSecret }>> {
  const parsed = triggerRefSchema.safeParse(raw);
  if (!parsed.success) return refusal(parsed.error, "Rotating the secret");
  const { workflowId, triggerId } = parsed.data;
  const workflow = await authorizedWorkflow(actor, workflowId, "workflow:edit");
  if (workflow.status === "archived") return { ok: false, message: ARCHIVED };
  const existing = await Trigger.findById(triggerId).lean<TriggerDoc>();
  if (!existing || existing.workflowId !== workflowId || existing.kind !== "webhook" || !existing.webhook) return { ok: false, message: "This webhook no longer exists." };
  const kind = existing.webhook.auth as "token" | "hmac";
  const fresh = storedSecret(triggerId, kind);
  await Trigger.updateOne({ _id: triggerId }, { $set: { ...fresh.fields, owner: actor.id } });
  return { ok: true, message: "New secret issued; the old one stopped working. Copy it now: it is not shown again.", secret: { kind, value: fresh.value } };
}

export async function deleteTrigger(actor: Actor, raw: unknown): Promise<Outcome> {
  const parsed = triggerRefSchema.safeParse(raw);
  if (!parsed.success) return refusal(parsed.error, "Deleting the trigger");
  const { workflowId, triggerId } = parsed.data;
  await authorizedWorkflow(actor, workflowId, "workflow:edit");
  const existing = await Trigger.findById(triggerId, { workflowId: 1 }).lean();
  if (!existing || existing.workflowId !== workflowId) return { ok: false, message: "This trigger no longer exists." };
  await Trigger.deleteOne({ _id: triggerId });
  await TriggerRecent.deleteOne({ _id: triggerId });
  return { ok: true, message: "Trigger deleted." };
}

export async function triggersPanel(actor: Actor, workflowId: string): Promise<TriggersPanelData> {
  const workflow = await authorizedWorkflow(actor, workflowId, "workflow:view");
  const docs = await Trigger.find({ workflowId }).sort({ createdAt: 1 }).lean<TriggerDoc[]>();
  return {
    workflowId,
    canEdit: can(actor, "workflow:edit", aclOf(workflow.permissions)) && workflow.status !== "archived",
    workflowInactiveReason: workflowInactiveReason(workflow),
    triggers: await viewsOf(docs, workflow),
  };
}

async function viewsOf(docs: TriggerDoc[], workflow: { status?: string | null; publishedVersion?: number | null }): Promise<TriggerView[]> {
  const hooks = docs.filter((d) => d.kind === "webhook").map((d) => d._id);
  const [names, recent, waiting] = await Promise.all([userNames(docs.map((d) => d.owner)), recentFirings(docs.map((d) => d._id)), waitingDeliveries(hooks)]);
  const now = runClock.now();
  return docs.map((d) => {
    const s = d.schedule;
    const w = d.webhook;
    const checked = s ? checkCron(s.cron, s.timezone, { startAt: s.startAt, endAt: s.endAt }) : null;
    return {
      id: d._id,
      kind: d.kind as TriggerView["kind"],
      name: d.name ?? "",
      enabled: Boolean(d.enabled),
      ownerName: names.get(d.owner) ?? "a removed user",
      active: inactiveReason(d, workflow, now) === null,
      inactiveReason: inactiveReason(d, workflow, now),
      schedule: s
        ? {
            cron: s.cron,
            timezone: s.timezone,
            startAt: s.startAt ? new Date(s.startAt).toISOString() : null,
            endAt: s.endAt ? new Date(s.endAt).toISOString() : null,
            missed: s.missed === "runOnce" ? "runOnce" : "skip",
            description: describeCron(s.cron),
            next: checked?.ok ? nextFires(checked.cron, 3, new Date(now)).map((t) => t.toISOString()) : [],
          }
        : null,
      webhook: w
        ? {
            path: `/api/hooks/${d._id}`,
            methods: w.methods ?? ["POST"],
            auth: w.auth as "token" | "hmac",
            responseMode: w.responseMode === "wait" ? "wait" : "accepted",
            waitSeconds: Math.round((w.waitMs ?? 10_000) / 1000),
            ratePerMinute: w.ratePerMinute ?? 600,
            maxBodyKb: Math.round((w.maxBodyBytes ?? 1024 * 1024) / 1024),
          }
        : null,
      recent: recent.get(d._id) ?? [],
      waiting: waiting.get(d._id) ?? 0,
    };
  });
}
