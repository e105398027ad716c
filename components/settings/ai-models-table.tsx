"use client";
// The AI models list: provider, model id, prices, whether it is offered; edit and enable/disable.
import { useState } from "react";
import { Pencil } from "lucide-react";
import { toast } from "sonner";
import { setAiModelEnabledAction } from "@/app/(app)/settings/ai-models/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { AI_PROVIDER_LABELS } from "@/lib/ai/labels";
import type { AiModelRow } from "@/lib/ai-models/schema";
import { AiModelDialog } from "./ai-model-dialog";

const price = (p: number | null) => (p === null ? <span className="text-zinc-400">unknown</span> : `$${p}`);

export function AiModelsTable({ models }: { models: AiModelRow[] }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<AiModelRow | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const toggle = async (model: AiModelRow) => {
    setBusy(model.id);
    try {
      const result = await setAiModelEnabledAction({ id: model.id, enabled: !model.enabled });
      if (result.ok) toast.success(result.message);
      else toast.error(result.message);
    } catch {
      toast.error("Could not reach the server; nothing was changed.");
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <AiModelDialog open={adding} onOpenChange={setAdding} />
      </div>
      <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-sm" data-testid="ai-models-table">
          <thead className="whitespace-nowrap border-b border-zinc-200 text-left text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">Provider</th>
              <th scope="col" className="px-4 py-2 font-medium">Model id</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Input / 1M</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Output / 1M</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {models.map((m) => (
              <tr key={m.id} data-testid={`ai-model-row-${m.id}`} className={m.enabled ? undefined : "text-zinc-400"}>
                <td className="px-4 py-2 font-medium">{m.name}</td>
                <td className="whitespace-nowrap px-4 py-2">{AI_PROVIDER_LABELS[m.provider] ?? m.provider}</td>
                <td className="px-4 py-2 font-mono text-xs">{m.modelId}</td>
                <td className="px-4 py-2 text-right tabular-nums" data-testid="ai-model-input">{price(m.inputPerMillion)}</td>
                <td className="px-4 py-2 text-right tabular-nums" data-testid="ai-model-output">{price(m.outputPerMillion)}</td>
                <td className="px-4 py-2">{m.enabled ? <Badge tone="green">Offered</Badge> : <Badge>Disabled</Badge>}</td>
                <td className="whitespace-nowrap px-4 py-2 text-right">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(m)} aria-label={`Edit ${m.name}`} data-testid="ai-model-edit">
                    <Pencil aria-hidden className="size-4" /> Edit
                  </Button>
                  <Button size="sm" variant="ghost" disabled={busy === m.id} onClick={() => void toggle(m)} data-testid="ai-model-toggle">
                    {m.enabled ? "Disable" : "Enable"}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && <AiModelDialog model={editing} open onOpenChange={(open) => !open && setEditing(null)} />}
    </div>
  );
}
