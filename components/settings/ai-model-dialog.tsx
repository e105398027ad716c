"use client";
// Adds a model, or edits one (its name, prices and whether it is offered). Checked in the browser
// with the schema the server action uses (lib/ai-models/schema.ts); the server's field errors
// land on the same fields.
import { useState } from "react";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { saveAiModelAction } from "@/app/(app)/settings/ai-models/actions";
import { Modal } from "@/components/ui/modal";
import { Button } from "@/components/ui/button";
import { TextField, inputClass } from "@/components/ui/field";
import { AI_PROVIDER_LABELS } from "@/lib/ai/labels";
import { aiProviders } from "@/lib/nodes/ai/definition";
import { aiModelFormSchema, type AiModelRow } from "@/lib/ai-models/schema";

type Errors = Record<string, string[]>;
const priceText = (p: number | null | undefined) => (p === null || p === undefined ? "" : String(p));

export function AiModelDialog({ model, open, onOpenChange }: { model?: AiModelRow; open: boolean; onOpenChange: (open: boolean) => void }) {
  const editing = model !== undefined;
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={editing ? `Edit ${model.name}` : "Add a model"}
      description="Prices are US dollars per million tokens, as the provider lists them. Leave a price empty when it is not known."
      trigger={
        editing ? undefined : (
          <Button data-testid="ai-model-add">
            <Plus aria-hidden className="size-4" /> Add model
          </Button>
        )
      }
    >
      {/* Mounted only while open, so each opening starts from the saved values. */}
      {open && <ModelForm model={model} onDone={() => onOpenChange(false)} />}
    </Modal>
  );
}

function ModelForm({ model, onDone }: { model?: AiModelRow; onDone: () => void }) {
  const [values, setValues] = useState({
    name: model?.name ?? "",
    provider: model?.provider ?? "openai",
    modelId: model?.modelId ?? "",
    inputPerMillion: priceText(model?.inputPerMillion),
    outputPerMillion: priceText(model?.outputPerMillion),
    enabled: model?.enabled ?? true,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const checked = aiModelFormSchema.safeParse(values);
    if (!checked.success) {
      const found: Errors = {};
      for (const issue of checked.error.issues) (found[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
      setErrors(found);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const result = await saveAiModelAction(model ? { mode: "edit", id: model.id, model: values } : { mode: "create", model: values });
      if (result.ok) {
        toast.success(result.message);
        onDone();
        return;
      }
      setErrors(result.errors ?? {});
      if (!result.errors || Object.keys(result.errors).length === 0 || result.errors.form) setProblem(result.message);
    } catch {
      setProblem("Could not reach the server; nothing was saved.");
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="space-y-4" data-testid="ai-model-form">
      <TextField label="Name" value={values.name} onChange={(e) => set({ name: e.target.value })} errors={errors.name} hint="What designers see, e.g. GPT-4o mini." data-testid="ai-model-name" />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor="ai-model-provider" className="block text-sm font-medium">
            Provider
          </label>
          <select
            id="ai-model-provider"
            value={values.provider}
            disabled={model !== undefined}
            onChange={(e) => set({ provider: e.target.value as AiModelRow["provider"] })}
            className={inputClass}
            data-testid="ai-model-provider"
          >
            {aiProviders.map((p) => (
              <option key={p} value={p}>
                {AI_PROVIDER_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label="Model id"
          value={values.modelId}
          readOnly={model !== undefined}
          onChange={(e) => set({ modelId: e.target.value })}
          errors={errors.modelId}
          hint={model ? "Fixed: past runs name it." : "As the provider spells it, e.g. gpt-4o-mini."}
          data-testid="ai-model-id"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Input, $ per 1M tokens" inputMode="decimal" value={values.inputPerMillion} onChange={(e) => set({ inputPerMillion: e.target.value })} errors={errors.inputPerMillion} placeholder="unknown" data-testid="ai-model-input-price" />
        <TextField label="Output, $ per 1M tokens" inputMode="decimal" value={values.outputPerMillion} onChange={(e) => set({ outputPerMillion: e.target.value })} errors={errors.outputPerMillion} placeholder="unknown" data-testid="ai-model-output-price" />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.enabled} onChange={(e) => set({ enabled: e.target.checked })} className="size-4 accent-accent-600" data-testid="ai-model-enabled" />
        Offered in AI steps
      </label>
      {problem && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {problem}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={saving} data-testid="ai-model-save">
          {saving ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
