"use client";
// Starting a run: a test run of the draft or a run of the published version, with an input form
// built from that graph's start node. The same rules are checked here (instantly, beside each
// field) and again on the server, whose field errors land in the same places. Used by the
// designer's Run button and by a workflow's runs list; they differ in what happens around it
// (saving the draft first, following the run on the canvas, opening the run's page).
import { useMemo, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useQuery } from "@tanstack/react-query";
import { Loader2, Play } from "lucide-react";
import { toast } from "sonner";
import { getVersionAction } from "@/app/(app)/workflows/[id]/actions";
import { startRunAction } from "@/app/(app)/runs/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { RefusalAlert, type RefusalProblem } from "@/components/ui/refusal-alert";
import type { RunMode } from "@/lib/runtime/contract";
import { startFields, type InputField } from "@/lib/runtime/run-input";
import { emptyRunFormValues, runInputFromForm, type RunFormValues } from "./run-form-values";
import { RunCostEstimate } from "./run-cost-estimate";
import { RunInputFields } from "./run-input-fields";

type Refusal = { message: string; problems: RefusalProblem[] };

function usePublishedFields(workflowId: string, version: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ["workflow", workflowId, "version-fields", version],
    enabled: enabled && version !== null,
    staleTime: Infinity,
    queryFn: async (): Promise<InputField[]> => {
      const answer = await getVersionAction(workflowId, version!);
      if (!answer.ok) throw new Error(answer.message);
      return startFields(answer.snapshot);
    },
  });
}

export interface RunInputDialogProps {
  workflowId: string;
  publishedVersion: number | null;
  /** The draft's start-node fields. */
  draftFields: readonly InputField[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Runs before a test run starts; a message refuses the start (e.g. the draft is not saved). */
  beforeTestRun?: () => Promise<string | null>;
  onStarted: (runId: string, mode: RunMode) => void;
  /** Makes problems that name a node clickable. */
  onProblem?: (problem: RefusalProblem) => void;
}

export function RunInputDialog({ workflowId, publishedVersion, draftFields, open, onOpenChange, beforeTestRun, onStarted, onProblem }: RunInputDialogProps) {
  const [mode, setMode] = useState<RunMode>("test");
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const published = usePublishedFields(workflowId, publishedVersion, open && mode === "published");
  const publishedFields = published.data;
  const fields = useMemo(() => (mode === "test" ? draftFields : (publishedFields ?? [])), [mode, draftFields, publishedFields]);
  const loadingFields = mode === "published" && published.isPending;

  const resolver = useMemo<Resolver<RunFormValues>>(
    () => async (values) => {
      const checked = runInputFromForm(fields, values);
      if (checked.ok) return { values, errors: {} };
      return { values: {}, errors: Object.fromEntries(Object.entries(checked.errors).map(([name, messages]) => [name, { type: "validate", message: messages.join(" ") }])) };
    },
    [fields],
  );
  const form = useForm<RunFormValues>({ resolver, values: useMemo(() => emptyRunFormValues(fields), [fields]), resetOptions: { keepDirtyValues: true } });

  const submit = form.handleSubmit(async (values) => {
    setRefusal(null);
    const checked = runInputFromForm(fields, values);
    if (!checked.ok) return;
    try {
      const blocked = mode === "test" && beforeTestRun ? await beforeTestRun() : null;
      if (blocked) {
        setRefusal({ message: blocked, problems: [] });
        return;
      }
      const result = await startRunAction({ workflowId, mode, input: checked.input });
      if (!result.ok) {
        for (const [name, messages] of Object.entries(result.errors ?? {})) {
          if (fields.some((f) => f.name === name)) form.setError(name, { type: "server", message: messages.join(" ") });
        }
        setRefusal({ message: result.message, problems: result.problems ?? [] });
        return;
      }
      toast.success(result.message);
      onOpenChange(false);
      onStarted(result.runId, mode);
    } catch {
      setRefusal({ message: "Could not reach the server. No run was started; try again.", problems: [] });
    }
  });

  return (
    <Modal open={open} onOpenChange={onOpenChange} title="Run this workflow" description="Every step is recorded on the run's page.">
      <form className="space-y-4" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="grid grid-cols-2 gap-2" aria-label="What to run">
          <ModeOption checked={mode === "test"} onSelect={() => setMode("test")} title="Test run" detail="The draft as it is now" testId="run-mode-test" />
          <ModeOption
            checked={mode === "published"}
            disabled={publishedVersion === null}
            onSelect={() => setMode("published")}
            title={publishedVersion === null ? "Published version" : `Version ${publishedVersion}`}
            detail={publishedVersion === null ? "Not published yet" : "What live runs use"}
            testId="run-mode-published"
          />
        </fieldset>
        {loadingFields ? (
          <p className="flex items-center gap-2 text-sm text-zinc-500">
            <Loader2 aria-hidden className="size-4 animate-spin" /> Loading the published version’s input fields…
          </p>
        ) : published.isError && mode === "published" ? (
          <p role="alert" className="text-sm text-red-600">
            {published.error.message}
          </p>
        ) : (
          <RunInputFields fields={fields} register={form.register} errors={form.formState.errors} />
        )}
        <RunCostEstimate workflowId={workflowId} mode={mode} enabled={open && (mode === "test" || publishedVersion !== null)} />
        {refusal && <RefusalAlert message={refusal.message} problems={refusal.problems} testId="run-refusal" onProblem={onProblem} />}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" data-testid="run-confirm" disabled={form.formState.isSubmitting || loadingFields}>
            {form.formState.isSubmitting ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <Play aria-hidden className="size-4" />} Start run
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function ModeOption({ checked, disabled, onSelect, title, detail, testId }: { checked: boolean; disabled?: boolean; onSelect: () => void; title: string; detail: string; testId: string }) {
  return (
    <label
      className={`flex cursor-pointer flex-col rounded-lg border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500/40 ${
        checked ? "border-accent-500 bg-accent-50 dark:bg-accent-500/10" : "border-zinc-200 dark:border-zinc-700"
      } ${disabled ? "cursor-not-allowed opacity-50" : ""}`}
    >
      <input type="radio" name="run-mode" className="sr-only" data-testid={testId} checked={checked} disabled={disabled} onChange={onSelect} />
      <span className="font-medium">{title}</span>
      <span className="text-xs text-zinc-500">{detail}</span>
    </label>
  );
}
