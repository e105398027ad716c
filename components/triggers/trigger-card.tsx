"use client";
// One trigger in the panel: its state (and why it is inactive), its schedule in words with the
// next fire times, or its URL with a copy button, its deliveries waiting to start, and its recent
// firings linking to their runs.
import Link from "next/link";
import { Clock, KeyRound, Pencil, Trash2, Webhook } from "lucide-react";
import { relativeTime } from "@/lib/format/relative-time";
import type { TriggerView } from "@/lib/triggers/contract";
import { CopyButton } from "./copy-button";
import { formatFireTime } from "./schedule-preview";
import { StateBadge } from "./state-badge";

export function TriggerCard({ trigger, canEdit, onEdit, onDelete, onRotate }: { trigger: TriggerView; canEdit: boolean; onEdit: () => void; onDelete: () => void; onRotate: () => void }) {
  const url = trigger.webhook && typeof window !== "undefined" ? `${window.location.origin}${trigger.webhook.path}` : (trigger.webhook?.path ?? "");
  const Icon = trigger.kind === "schedule" ? Clock : Webhook;
  return (
    <li data-testid="trigger-card" data-kind={trigger.kind} data-trigger-id={trigger.id} className="space-y-2 rounded-md border border-zinc-200 p-2.5 text-sm dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2">
        <span className="flex min-w-0 items-center gap-1.5 font-medium">
          <Icon aria-hidden className="size-4 shrink-0 text-zinc-500" />
          <span className="truncate">{trigger.name || (trigger.kind === "schedule" ? "Schedule" : "Webhook")}</span>
        </span>
        <div className="flex items-center gap-0.5">
          <StateBadge active={trigger.active} />
          {canEdit && (
            <>
              {trigger.kind === "webhook" && (
                <button type="button" aria-label="Issue a new secret" title="Issue a new secret" onClick={onRotate} className="rounded p-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800">
                  <KeyRound aria-hidden className="size-3.5" />
                </button>
              )}
              <button type="button" aria-label="Edit trigger" onClick={onEdit} className="rounded p-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800">
                <Pencil aria-hidden className="size-3.5" />
              </button>
              <button type="button" aria-label="Delete trigger" onClick={onDelete} className="rounded p-1 text-zinc-500 hover:bg-red-50 hover:text-red-600 dark:hover:bg-red-950">
                <Trash2 aria-hidden className="size-3.5" />
              </button>
            </>
          )}
        </div>
      </div>
      {trigger.inactiveReason && <p className="text-xs text-amber-700 dark:text-amber-400" data-testid="trigger-inactive-reason">{trigger.inactiveReason}</p>}
      {trigger.schedule && (
        <div className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          <p>
            <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{trigger.schedule.cron}</code> · {trigger.schedule.timezone}
            {trigger.schedule.missed === "runOnce" ? " · missed: run once" : " · missed: skip"}
          </p>
          {trigger.schedule.description && <p>{trigger.schedule.description}</p>}
          {trigger.active && trigger.schedule.next.length > 0 && (
            <p data-testid="trigger-next">Next: {trigger.schedule.next.map((t) => formatFireTime(t, trigger.schedule!.timezone)).join(" · ")}</p>
          )}
        </div>
      )}
      {trigger.webhook && (
        <div className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          <div className="flex items-center gap-1">
            <code data-testid="webhook-url" className="min-w-0 flex-1 truncate rounded bg-zinc-100 px-1 py-0.5 dark:bg-zinc-800">
              {url}
            </code>
            <CopyButton text={url} label="Copy the webhook URL" testId="copy-webhook-url" />
          </div>
          <p>
            {trigger.webhook.methods.join(", ")} · {trigger.webhook.auth === "token" ? "bearer token" : "HMAC signature"} ·{" "}
            {trigger.webhook.responseMode === "wait" ? `waits up to ${trigger.webhook.waitSeconds} s` : "answers 202"} · {trigger.webhook.ratePerMinute}/min · {trigger.webhook.maxBodyKb} KB
          </p>
        </div>
      )}
      <p className="text-xs text-zinc-500">Acts as {trigger.ownerName}</p>
      <div>
        <h4 className="text-xs font-semibold text-zinc-500">Recent firings</h4>
        {trigger.waiting > 0 && (
          <p
            data-testid="waiting-deliveries"
            className="text-xs text-amber-700 dark:text-amber-400"
            title="Deliveries answered 202 whose runs have not started yet. A worker starts them within moments; if this number stays, no worker process is running (see SWITCHYARD_WORKER in the README)."
          >
            {trigger.waiting === 1 ? "1 delivery accepted, waiting to start" : `${trigger.waiting} deliveries accepted, waiting to start`}
          </p>
        )}
        {trigger.recent.length > 0 ? (
          <ul className="mt-1 space-y-0.5" data-testid="recent-firings">
            {trigger.recent.map((f) => (
              <li key={f.id} className="flex items-center justify-between gap-2 text-xs">
                <span title={f.at}>{relativeTime(f.at)}</span>
                {f.runId ? (
                  <Link href={`/runs/${f.runId}`} className="font-mono text-accent-700 hover:underline dark:text-accent-400" data-testid="firing-run-link">
                    run {f.runId.slice(-6)}
                  </Link>
                ) : (
                  <span className="truncate text-red-600" title={f.reason ?? ""}>
                    refused
                  </span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          trigger.waiting === 0 && <p className="text-xs text-zinc-400">None yet.</p>
        )}
      </div>
    </li>
  );
}
