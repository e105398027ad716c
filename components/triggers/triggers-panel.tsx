"use client";
// The canvas's Triggers panel: what starts this workflow. Manual runs and the REST API are always
// there; schedules and webhooks are added here. Each shows whether it fires now (and why not),
// its next fire times or URL, and its recent firings with links to the runs; the list refreshes
// every 5 s so a firing shows up while the panel is open. Viewers see it read-only.
import { useState } from "react";
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Code2, MousePointerClick, Plus, Zap, X } from "lucide-react";
import { toast } from "sonner";
import {
  createTriggerAction,
  deleteTriggerAction,
  rotateTriggerSecretAction,
  triggersPanelAction,
  updateTriggerAction,
} from "@/app/(app)/workflows/[id]/actions";
import { Button } from "@/components/ui/button";
import type { CreatedSecret, TriggerView } from "@/lib/triggers/contract";
import type { TriggerInput } from "@/lib/triggers/schema";
import { SecretOnce } from "./secret-once";
import { TriggerCard } from "./trigger-card";
import { TriggerForm, type FieldErrors } from "./trigger-form";

export const triggersKey = (id: string) => ["workflow-triggers", id] as const;

type Editing = { kind: "schedule" | "webhook"; trigger?: TriggerView } | null;

export function TriggersPanel({ workflowId, onClose }: { workflowId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const panel = useQuery({
    queryKey: triggersKey(workflowId),
    queryFn: async () => {
      const result = await triggersPanelAction(workflowId);
      if (!result.ok) throw new Error(result.message);
      return result.panel;
    },
    refetchInterval: 5_000,
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<CreatedSecret | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: triggersKey(workflowId) });

  const save = async (input: TriggerInput) => {
    setBusy(true);
    setErrors({});
    try {
      const result = editing?.trigger ? await updateTriggerAction({ ...input, triggerId: editing.trigger.id }) : await createTriggerAction(input);
      if (!result.ok) {
        setErrors(result.errors ?? {});
        toast.error(result.message);
        return;
      }
      toast.success(result.message ?? "Saved.");
      if (result.secret) setSecret(result.secret);
      setEditing(null);
      await refresh();
    } catch {
      toast.error("Could not reach the server; nothing was saved.");
    } finally {
      setBusy(false);
    }
  };

  const remove = async (trigger: TriggerView) => {
    if (!window.confirm(`Delete this ${trigger.kind}? ${trigger.kind === "webhook" ? "Its URL stops working at once." : "It stops firing at once."}`)) return;
    const result = await deleteTriggerAction({ workflowId, triggerId: trigger.id });
    if (result.ok) toast.success(result.message ?? "Deleted.");
    else toast.error(result.message);
    await refresh();
  };

  const rotate = async (trigger: TriggerView) => {
    if (!window.confirm("Issue a new secret? The current one stops working at once.")) return;
    const result = await rotateTriggerSecretAction({ workflowId, triggerId: trigger.id });
    if (!result.ok) return void toast.error(result.message);
    setSecret(result.secret);
  };

  const data = panel.data;
  const apiPath = `/api/v1/workflows/${workflowId}/runs`;
  return (
    <div className="flex h-full flex-col" data-testid="triggers-panel">
      <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h2 className="flex items-center gap-2 text-sm font-semibold">
          <Zap aria-hidden className="size-4" /> Triggers
        </h2>
        <button type="button" aria-label="Close triggers" onClick={onClose} className="rounded p-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
          <X aria-hidden className="size-4" />
        </button>
      </header>
      <div className="min-h-0 flex-1 space-y-3 overflow-y-auto p-4">
        {panel.isPending && <p className="text-sm text-zinc-500">Loading triggers…</p>}
        {panel.isError && <p className="text-sm text-red-600">{panel.error.message}</p>}
        {data?.workflowInactiveReason && (
          <p className="rounded-md bg-amber-50 px-2.5 py-2 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-300" data-testid="triggers-workflow-inactive">
            {data.workflowInactiveReason} Schedules, webhooks and the API start nothing until then.
          </p>
        )}
        <ul className="space-y-2">
          <li className="rounded-md border border-zinc-200 p-2.5 text-sm dark:border-zinc-800">
            <span className="flex items-center gap-1.5 font-medium">
              <MousePointerClick aria-hidden className="size-4 text-zinc-500" /> Manual
            </span>
            <p className="mt-1 text-xs text-zinc-500">Run on this canvas, or from the workflow&apos;s Runs page.</p>
          </li>
          <li className="rounded-md border border-zinc-200 p-2.5 text-sm dark:border-zinc-800" data-testid="api-trigger">
            <span className="flex items-center gap-1.5 font-medium">
              <Code2 aria-hidden className="size-4 text-zinc-500" /> REST API
            </span>
            <code className="mt-1 block truncate rounded bg-zinc-100 px-1 py-0.5 text-xs dark:bg-zinc-800">POST {apiPath}</code>
            <p className="mt-1 text-xs text-zinc-500">
              With a personal API key from <Link href="/settings/api-keys" className="text-accent-700 hover:underline dark:text-accent-400">Settings → API keys</Link>.
            </p>
          </li>
          {data?.triggers.map((t) =>
            editing?.trigger?.id === t.id ? (
              <li key={t.id}>
                <TriggerForm kind={t.kind} initial={t} workflowId={workflowId} busy={busy} errors={errors} onSubmit={save} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <TriggerCard key={t.id} trigger={t} canEdit={data.canEdit} onEdit={() => { setErrors({}); setEditing({ kind: t.kind, trigger: t }); }} onDelete={() => void remove(t)} onRotate={() => void rotate(t)} />
            ),
          )}
        </ul>
        {editing && !editing.trigger && <TriggerForm kind={editing.kind} workflowId={workflowId} busy={busy} errors={errors} onSubmit={save} onCancel={() => setEditing(null)} />}
        {data?.canEdit && !editing && (
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" data-testid="add-schedule" onClick={() => { setErrors({}); setEditing({ kind: "schedule" }); }}>
              <Plus aria-hidden className="size-4" /> Schedule
            </Button>
            <Button variant="secondary" size="sm" data-testid="add-webhook" onClick={() => { setErrors({}); setEditing({ kind: "webhook" }); }}>
              <Plus aria-hidden className="size-4" /> Webhook
            </Button>
          </div>
        )}
      </div>
      <SecretOnce secret={secret} onClose={() => setSecret(null)} />
    </div>
  );
}
