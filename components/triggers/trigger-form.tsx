"use client";
// Adding or changing a schedule or a webhook. The schedule's preview and its cron / time zone
// errors show beside the fields as you type (the same croner check the server applies); the
// server's field errors land beside their fields too.
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass, FieldLabel, FieldMessages } from "@/components/canvas/inspector/field-parts";
import type { TriggerView } from "@/lib/triggers/contract";
import { WEBHOOK_METHODS, type TriggerInput } from "@/lib/triggers/schema";
import { schedulePreview } from "./schedule-preview";

export type FieldErrors = Record<string, string[] | undefined>;

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
/** An ISO instant as the value of a datetime-local input (in the browser's zone). */
const toLocalInput = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : "");
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

export function TriggerForm({
  kind,
  initial,
  workflowId,
  busy,
  errors,
  onSubmit,
  onCancel,
}: {
  kind: "schedule" | "webhook";
  initial?: TriggerView;
  workflowId: string;
  busy: boolean;
  errors: FieldErrors;
  onSubmit: (input: TriggerInput) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? "");
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [cron, setCron] = useState(initial?.schedule?.cron ?? "0 9 * * 1-5");
  const [timezone, setTimezone] = useState(initial?.schedule?.timezone ?? localZone());
  const [startAt, setStartAt] = useState(toLocalInput(initial?.schedule?.startAt ?? null));
  const [endAt, setEndAt] = useState(toLocalInput(initial?.schedule?.endAt ?? null));
  const [missed, setMissed] = useState<"skip" | "runOnce">(initial?.schedule?.missed ?? "skip");
  const [methods, setMethods] = useState<string[]>(initial?.webhook?.methods ?? ["POST"]);
  const [auth, setAuth] = useState<"token" | "hmac">(initial?.webhook?.auth ?? "token");
  const [responseMode, setResponseMode] = useState<"accepted" | "wait">(initial?.webhook?.responseMode ?? "accepted");
  const [waitSeconds, setWaitSeconds] = useState(String(initial?.webhook?.waitSeconds ?? 10));
  const [ratePerMinute, setRatePerMinute] = useState(String(initial?.webhook?.ratePerMinute ?? 600));
  const [maxBodyKb, setMaxBodyKb] = useState(String(initial?.webhook?.maxBodyKb ?? 1024));

  const preview = useMemo(() => (kind === "schedule" ? schedulePreview(cron, timezone) : null), [kind, cron, timezone]);
  const localError = (field: "cron" | "timezone") => (preview && !preview.ok && preview.field === field ? [preview.message] : undefined);
  const errorsOf = (field: string) => localError(field as "cron") ?? errors[field];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const common = { workflowId, name, enabled };
    onSubmit(
      kind === "schedule"
        ? { ...common, kind, schedule: { cron, timezone, startAt: fromLocalInput(startAt), endAt: fromLocalInput(endAt), missed } }
        : { ...common, kind, webhook: { methods: methods as (typeof WEBHOOK_METHODS)[number][], auth, responseMode, waitSeconds, ratePerMinute, maxBodyKb } },
    );
  };

  const field = (id: string, label: string, control: React.ReactNode, hint?: string, optional?: boolean) => (
    <div>
      <FieldLabel htmlFor={`trigger-${id}`} optional={optional}>
        {label}
      </FieldLabel>
      {control}
      <FieldMessages id={`trigger-${id}-msg`} errors={errorsOf(id)} hint={hint} />
    </div>
  );
  const invalid = (id: string) => Boolean(errorsOf(id)?.length);

  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`${kind}-form`} noValidate>
      {field("name", "Name", <input id="trigger-name" className={controlClass} value={name} onChange={(e) => setName(e.target.value)} placeholder={kind === "schedule" ? "Weekday morning" : "From the CRM"} />, undefined, true)}
      {kind === "schedule" ? (
        <>
          {field("cron", "Cron expression", <input id="trigger-cron" aria-invalid={invalid("cron")} className={`${controlClass} font-mono`} value={cron} onChange={(e) => setCron(e.target.value)} />, "minute hour day month weekday, or seconds first (6 fields)")}
          {field("timezone", "Time zone", <input id="trigger-timezone" aria-invalid={invalid("timezone")} className={controlClass} value={timezone} onChange={(e) => setTimezone(e.target.value)} list="trigger-zones" />, "IANA name, e.g. Europe/Berlin")}
          <datalist id="trigger-zones">
            {["UTC", "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney"].map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {preview?.ok && (
            <p data-testid="schedule-preview" className="rounded bg-zinc-50 px-2 py-1.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              {preview.words}
            </p>
          )}
          {field("startAt", "Starts", <input id="trigger-startAt" type="datetime-local" className={controlClass} value={startAt} onChange={(e) => setStartAt(e.target.value)} />, undefined, true)}
          {field("endAt", "Ends", <input id="trigger-endAt" type="datetime-local" aria-invalid={invalid("endAt")} className={controlClass} value={endAt} onChange={(e) => setEndAt(e.target.value)} />, undefined, true)}
          {field(
            "missed",
            "Fires missed while the app was down",
            <select id="trigger-missed" className={controlClass} value={missed} onChange={(e) => setMissed(e.target.value as "skip" | "runOnce")}>
              <option value="skip">Skip them</option>
              <option value="runOnce">Run once (the latest)</option>
            </select>,
          )}
        </>
      ) : (
        <>
          <fieldset>
            <legend className="mb-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">Methods</legend>
            <div className="flex gap-3">
              {WEBHOOK_METHODS.map((m) => (
                <label key={m} className="flex items-center gap-1 text-sm">
                  <input type="checkbox" checked={methods.includes(m)} onChange={(e) => setMethods((list) => (e.target.checked ? [...list, m] : list.filter((x) => x !== m)))} /> {m}
                </label>
              ))}
            </div>
            <FieldMessages id="trigger-methods-msg" errors={errors.methods} />
          </fieldset>
          {field(
            "auth",
            "Authentication",
            <select id="trigger-auth" className={controlClass} value={auth} onChange={(e) => setAuth(e.target.value as "token" | "hmac")}>
              <option value="token">Bearer token</option>
              <option value="hmac">HMAC-SHA256 signature</option>
            </select>,
            initial && initial.webhook?.auth !== auth ? "Saving issues a new secret; the old one stops working." : undefined,
          )}
          {field(
            "responseMode",
            "Answer",
            <select id="trigger-responseMode" className={controlClass} value={responseMode} onChange={(e) => setResponseMode(e.target.value as "accepted" | "wait")}>
              <option value="accepted">At once: 202 with the run id</option>
              <option value="wait">Wait for the result (End node output)</option>
            </select>,
          )}
          {responseMode === "wait" && field("waitSeconds", "Time limit (seconds)", <input id="trigger-waitSeconds" inputMode="numeric" aria-invalid={invalid("waitSeconds")} className={controlClass} value={waitSeconds} onChange={(e) => setWaitSeconds(e.target.value)} />, "After it: 202 with the run id")}
          {field("ratePerMinute", "Rate limit (requests a minute)", <input id="trigger-ratePerMinute" inputMode="numeric" aria-invalid={invalid("ratePerMinute")} className={controlClass} value={ratePerMinute} onChange={(e) => setRatePerMinute(e.target.value)} />)}
          {field("maxBodyKb", "Body limit (KB)", <input id="trigger-maxBodyKb" inputMode="numeric" aria-invalid={invalid("maxBodyKb")} className={controlClass} value={maxBodyKb} onChange={(e) => setMaxBodyKb(e.target.value)} />)}
        </>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> On
      </label>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={busy || Boolean(preview && !preview.ok)} data-testid="trigger-save">
          {busy ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
