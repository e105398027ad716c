import "server-only";
// POST/GET/PUT /api/hooks/<id>. In order, each refusal with a JSON body { error, message } and
// nothing stored or started:
//   404 unknown id · 405 method not chosen (Allow) · 429 over the rate limit (Retry-After) ·
//   413 body over the limit (read as a stream, stopped at the limit) · 401 bad token/signature ·
//   409 trigger off, workflow unpublished or archived · 403 the trigger's owner may not run it ·
//   400/415 body not what its Content-Type says, or input refused by the Start node's fields.
// Then the delivery is stored (its trigger_pending marker carries it), and only then answered:
// 202 with the run id ("accepted"; the run starts right after, in a batch with others — here
// (starter.ts) if this process runs a worker, else in a worker process (pickup.ts) — and the
// recovery pass starts it if this process dies first), or the End node's output ("wait"), 202
// after the time limit.
import { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { connectDb } from "@/lib/db/connect";
import { readCapped } from "@/lib/http/response";
import { loadRunGraph } from "@/lib/runtime/graphs";
import { checkRunInput, startFields } from "@/lib/runtime/run-input";
import { TriggerPending } from "@/models/TriggerPending";
import { WebhookDelivery } from "@/models/WebhookDelivery";
import { versionId } from "@/models/WorkflowVersion";
import { can } from "@/lib/auth/roles";
import { aclOf } from "@/lib/workflows/access";
import { OWNER_REFUSED } from "../fire";
import { recordFiring } from "../recent";
import { deliveryId, runIdFor, TRIGGER_ID } from "../ids";
import { openHmacSecret } from "../secrets";
import { inactiveReason } from "../state";
import { checkBearer, checkSignature, SIGNATURE_HEADER } from "./auth";
import { parseBody } from "./body";
import { webhookInput } from "./input";
import { takeToken } from "./rate-limit";
import { waitForRun } from "./wait";
import { hookState } from "./hook-state";
import { startSoon } from "./starter";
import { workersRunHere } from "@/lib/runtime/worker";
import { carriesDelivery, deliveryRecord, pendingMarker, startDeliveries, type AcceptedDelivery } from "./deliveries";
import { groupInsert } from "@/lib/db/group-commit";

export const IDEMPOTENCY_HEADER = "idempotency-key";

function refuse(status: number, error: string, message: string, extra: { headers?: Record<string, string>; body?: Record<string, unknown> } = {}): Response {
  return Response.json({ error, message, ...extra.body }, { status, headers: { "cache-control": "no-store", ...extra.headers } });
}

const hookIdSchema = z.string().regex(TRIGGER_ID);

const NOT_FOUND = () => refuse(404, "not_found", "There is no webhook at this address.");

export async function handleWebhook(request: Request, id: string): Promise<Response> {
  try {
    return await handle(request, id);
  } catch (error) {
    console.error("[webhook] unexpected error:", error);
    return refuse(500, "internal", "The webhook could not be handled because of a server error; nothing was started. Try again.");
  }
}

async function handle(request: Request, id: string): Promise<Response> {
  if (!hookIdSchema.safeParse(id).success) return NOT_FOUND();
  await connectDb();
  const known = await hookState(id);
  const trigger = known?.trigger;
  if (!known || !trigger || trigger.kind !== "webhook" || !trigger.webhook) return NOT_FOUND();
  const hook = trigger.webhook;

  const methods = hook.methods?.length ? hook.methods : ["POST"];
  if (!methods.includes(request.method)) {
    return refuse(405, "method_not_allowed", `This webhook accepts ${methods.join(", ")}, not ${request.method}.`, { headers: { allow: methods.join(", ") } });
  }

  const wait = takeToken(id, hook.ratePerMinute ?? 600);
  if (wait > 0) {
    return refuse(429, "rate_limited", `This webhook accepts ${hook.ratePerMinute} requests a minute; try again in ${wait} s.`, { headers: { "retry-after": String(wait) } });
  }

  const limit = hook.maxBodyBytes ?? 1024 * 1024;
  const read = await readCapped(request, limit);
  if (!read.ok) return refuse(413, "body_too_large", `The body is larger than this webhook's limit of ${limit} bytes.`);

  const auth =
    hook.auth === "hmac"
      ? hook.secret?.data
        ? checkSignature(request.headers.get(SIGNATURE_HEADER), openHmacSecret(id, { iv: hook.secret.iv!, tag: hook.secret.tag!, data: hook.secret.data }), read.bytes)
        : { ok: false as const, message: "This webhook has no secret; rotate it in the Triggers panel." }
      : checkBearer(request.headers.get("authorization"), hook.tokenHash);
  if (!auth.ok) return refuse(401, "unauthorized", auth.message, { headers: { "www-authenticate": hook.auth === "hmac" ? "Signature" : "Bearer" } });

  const { workflow, owner } = known;
  const inactive = inactiveReason(trigger, workflow);
  if (inactive) return refuse(409, "trigger_inactive", `This webhook is not active: ${inactive}`);

  if (!owner || !can(owner, "workflow:run", aclOf(workflow!.permissions))) {
    await recordFiring(id, { id: `${id}:refused:${Date.now()}`, at: new Date(), runId: null, status: "refused", reason: OWNER_REFUSED });
    return refuse(403, "owner_forbidden", OWNER_REFUSED);
  }

  const parsed = parseBody(read.bytes, request.headers.get("content-type"));
  if (!parsed.ok) return refuse(parsed.status, parsed.status === 415 ? "unsupported_media_type" : "bad_body", parsed.message);

  const version = await loadRunGraph(versionId(trigger.workflowId, workflow!.publishedVersion!));
  const fields = startFields(version);
  const input = webhookInput({ method: request.method, headers: request.headers, url: new URL(request.url), body: parsed.body }, fields);
  const checked = checkRunInput(fields, input);
  if (!checked.ok) return refuse(400, "invalid_input", checked.message, { body: { errors: checked.errors } });

  const key = request.headers.get(IDEMPOTENCY_HEADER)?.trim() || null;
  if (key && key.length > 200) return refuse(400, "bad_idempotency_key", "The Idempotency-Key header is at most 200 characters.");
  const acceptedId = deliveryId(id, key);
  const runId = runIdFor(acceptedId);
  const accepted: AcceptedDelivery = {
    id: acceptedId,
    receivedAt: new Date(),
    input: checked.input,
    delivery: { triggerId: id, workflowId: trigger.workflowId, runId, method: request.method, input: JSON.stringify(checked.input), idempotencyKey: key, ipAddress: clientIp(request.headers), userAgent: request.headers.get("user-agent") },
  };
  // The one write before the answer: the marker, carrying the delivery, in the process's shared
  // batches (lib/db/group-commit.ts); a large input also goes to its record, after the marker, so
  // a process killed between the two leaves a marker without a record (dropped later), never a
  // record nothing starts. A duplicate marker: the same Idempotency-Key while the first is pending.
  // A process that runs no worker creates no runs: it leaves the delivery to the worker processes (pickup.ts).
  const startHere = workersRunHere() || hook.responseMode === "wait";
  const marker = await groupInsert(TriggerPending.collection, pendingMarker(accepted, !startHere));
  if (marker === "duplicate") return respond(hook, runId, acceptedId, true);
  // Or the same key after the first was started (its marker is gone, its record stays): one run,
  // and this marker goes (the first's was dropped only after its run existed).
  const firstStarted = carriesDelivery(accepted)
    ? key !== null && (await WebhookDelivery.exists({ _id: acceptedId })) !== null
    : (await groupInsert(WebhookDelivery.collection, await deliveryRecord(accepted))) === "duplicate";
  if (firstStarted) {
    await TriggerPending.deleteOne({ _id: acceptedId });
    return respond(hook, runId, acceptedId, true);
  }

  if (hook.responseMode !== "wait") {
    // Stored: answer now; the run starts right behind, here (starter.ts) or in a worker process
    // (pickup.ts). If this process dies first, recovery starts it.
    if (startHere) startSoon(accepted);
    return respond(hook, runId, acceptedId, false, true);
  }
  const [started] = await startDeliveries([accepted]);
  if (started.status === "rejected") throw started.reason;
  if (!started.value.ok) return refuse(started.value.code === "owner" ? 403 : 409, started.value.code === "owner" ? "owner_forbidden" : "not_started", started.value.reason);
  return respond(hook, runId, acceptedId, false);
}

async function respond(hook: { responseMode?: string | null; waitMs?: number | null }, runId: string, delivery: string, duplicate: boolean, accepted = false): Promise<Response> {
  const base = { runId, deliveryId: delivery, ...(duplicate ? { duplicate: true } : {}) };
  if (accepted || hook.responseMode !== "wait") return Response.json({ ...base, status: "accepted" }, { status: 202 });
  const result = await waitForRun(runId, hook.waitMs ?? 10_000);
  if (!result) return Response.json({ ...base, status: "running", message: "The run is still running; follow it by its id." }, { status: 202 });
  if (result.status === "completed") return Response.json(result.output ?? null, { status: 200, headers: { "x-switchyard-run-id": runId } });
  return refuse(502, "run_failed", result.message, { body: { ...base, status: result.status } });
}
