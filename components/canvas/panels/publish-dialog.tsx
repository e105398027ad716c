"use client";
// Publishing: saves first, then asks the server to snapshot the draft as a new version. A
// refusal (validation problems, a newer revision) is shown with the problems, each clickable.
import { useCallback, useState } from "react";
import { Loader2 } from "lucide-react";
import { toast } from "sonner";
import { publishAction } from "@/app/(app)/workflows/[id]/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { RefusalAlert } from "@/components/ui/refusal-alert";
import type { PublishProblem } from "@/lib/workflows/contract";
import { useFocusProblem } from "../hooks/use-focus-problem";
import type { Autosaver } from "../store/autosaver";
import { countSuggested } from "../graph/suggested";
import { useEditor, useEditorApi, useEditorContext } from "../store/context";
import { controlClass } from "../inspector/field-parts";

export function PublishDialog({
  autosaver,
  open,
  onOpenChange,
  onPublished,
}: {
  autosaver: Autosaver;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPublished: (version: number) => void;
}) {
  const store = useEditorApi();
  const { workflowId } = useEditorContext();
  const [notes, setNotes] = useState("");
  const suggested = useEditor((s) => countSuggested(s.nodes));
  const total = useEditor((s) => s.nodes.length);
  const [pending, setPending] = useState(false);
  const onProblem = useFocusProblem(useCallback(() => onOpenChange(false), [onOpenChange]));
  const [refusal, setRefusal] = useState<{ message: string; problems: PublishProblem[] } | null>(null);

  const publish = async () => {
    setPending(true);
    setRefusal(null);
    try {
      if (!(await autosaver.flush())) {
        setRefusal({ message: autosaver.getSnapshot().message ?? "Your latest changes are not saved yet. Save them first (see the save status).", problems: [] });
        return;
      }
      const result = await publishAction({ id: workflowId, notes, revision: store.getState().revision });
      if (result.ok) {
        toast.success(result.message || `Published version ${result.version}`);
        setNotes("");
        onPublished(result.version);
        onOpenChange(false);
      } else {
        setRefusal({ message: result.message, problems: result.validation ?? [] });
      }
    } catch {
      setRefusal({ message: "Could not reach the server. Nothing was published; try again.", problems: [] });
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal open={open} onOpenChange={onOpenChange} title="Publish a new version" description="Runs started from now on use this version. Earlier versions stay available.">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void publish();
        }}
      >
        <div>
          <label htmlFor="publish-notes" className="mb-1 block text-sm font-medium">
            What changed? <span className="font-normal text-zinc-400">(optional)</span>
          </label>
          <textarea id="publish-notes" data-testid="publish-notes" rows={3} maxLength={1000} value={notes} onChange={(e) => setNotes(e.target.value)} className={controlClass} />
        </div>
        {suggested > 0 && (
          // A warning, never a block: the server still refuses a draft that does not validate.
          <p data-testid="publish-suggested-warning" className="rounded-md bg-violet-50 p-2 text-xs text-violet-900 dark:bg-violet-500/10 dark:text-violet-200">
            {suggested === total ? "Every step" : `${suggested} of ${total} steps`} of this workflow {suggested === total || suggested === 1 ? "is" : "are"} still suggested by AI and
            not reviewed. You can publish once it passes validation, but check {suggested === 1 ? "it" : "them"} first.
          </p>
        )}
        {refusal && <RefusalAlert message={refusal.message} problems={refusal.problems} testId="publish-refusal" onProblem={onProblem} />}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" data-testid="publish-confirm" disabled={pending}>
            {pending && <Loader2 aria-hidden className="size-4 animate-spin" />} Publish
          </Button>
        </div>
      </form>
    </Modal>
  );
}
