"use client";
// The empty canvas's "Describe what should happen": on a workflow with no steps yet (or only the
// untouched Start → End of a blank one), the designer can draft the whole graph from a sentence.
// The draft replaces the canvas as one undoable edit, laid out and marked "suggested"; autosave
// stores it like any other edit, and the suggestion records which workflow it went into.
import { useState, useTransition } from "react";
import { Sparkles, X } from "lucide-react";
import { toast } from "sonner";
import { openDraftAction } from "@/app/(app)/workflows/actions";
import { DraftForm } from "@/components/ai-draft/draft-form";
import { suggestedGraph } from "@/components/ai-draft/lay-out";
import type { DraftView } from "@/lib/ai/draft/service";
import { isBlankCanvas } from "../graph/suggested";
import { useEditor, useEditorApi, useEditorContext } from "../store/context";

export function DraftPrompt() {
  const store = useEditorApi();
  const { workflowId, readOnly } = useEditorContext();
  const blank = useEditor((s) => isBlankCanvas(s.nodes));
  const empty = useEditor((s) => s.nodes.length === 0);
  // Open by itself only on a canvas with nothing on it; a blank Start → End gets a small button.
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const [opening, startOpening] = useTransition();
  if (readOnly || !blank) return null;
  if (!(expanded ?? empty)) {
    return (
      <button
        type="button"
        data-testid="draft-prompt-open"
        onClick={() => setExpanded(true)}
        className="absolute top-3 left-1/2 z-10 flex -translate-x-1/2 items-center gap-1.5 rounded-full border border-violet-200 bg-white/95 px-3 py-1 text-xs font-medium text-violet-900 shadow-sm hover:bg-violet-50 focus-visible:ring-2 focus-visible:ring-violet-500 focus-visible:outline-none dark:border-violet-500/30 dark:bg-zinc-900/95 dark:text-violet-200"
      >
        <Sparkles aria-hidden className="size-3.5" /> Describe what should happen
      </button>
    );
  }

  const onOpen = (draft: DraftView) =>
    startOpening(async () => {
      store.getState().applyDraft(suggestedGraph(draft));
      // The banner's feedback control finds the draft in the URL; no navigation needed.
      window.history.replaceState(null, "", `?draft=${draft.suggestionId}`);
      const result = await openDraftAction({ suggestionId: draft.suggestionId, workflowId });
      if (!result.ok) toast.error(result.message);
    });

  return (
    <section
      data-testid="draft-prompt-panel"
      aria-label="Draft this workflow with AI"
      className="absolute top-4 left-1/2 z-10 w-[min(32rem,calc(100%-2rem))] -translate-x-1/2 rounded-xl border border-zinc-200 bg-white/95 p-4 shadow-lg dark:border-zinc-800 dark:bg-zinc-900/95"
    >
      <button type="button" aria-label="Close" onClick={() => setExpanded(false)} className="absolute top-2 right-2 rounded p-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
        <X aria-hidden className="size-4" />
      </button>
      <DraftForm onOpen={onOpen} opening={opening} compact />
    </section>
  );
}
