"use client";
// "Saving…", "Saved just now", "Unsaved changes", "Save failed — retry": the state of autosave,
// announced politely to screen readers.
import { AlertTriangle, Check, CloudOff, Loader2 } from "lucide-react";
import { relativeTime } from "@/lib/format/relative-time";
import { cn } from "@/lib/utils";
import type { Autosaver } from "../store/autosaver";
import { useSaveState, useTick } from "../hooks/use-save-state";

export function SaveIndicator({ autosaver, onShowConflict }: { autosaver: Autosaver; onShowConflict: () => void }) {
  const save = useSaveState(autosaver);
  const now = useTick();
  const base = "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-2 py-1 text-xs";
  let content: React.ReactNode;
  if (save.status === "conflict") {
    content = (
      <button type="button" onClick={onShowConflict} className={cn(base, "bg-amber-50 text-amber-800 hover:bg-amber-100 dark:bg-amber-500/10 dark:text-amber-300")}>
        <AlertTriangle aria-hidden className="size-3.5" /> Not saved: someone else saved — choose
      </button>
    );
  } else if (save.status === "saving") {
    content = (
      <span className={cn(base, "text-zinc-600 dark:text-zinc-400")}>
        <Loader2 aria-hidden className="size-3.5 animate-spin" /> <span className="max-md:sr-only">Saving…</span>
      </span>
    );
  } else if (save.status === "error") {
    content = (
      <button
        type="button"
        title={save.message ?? undefined}
        onClick={() => void autosaver.retry()}
        className={cn(base, "bg-red-50 text-red-700 hover:bg-red-100 dark:bg-red-500/10 dark:text-red-300")}
      >
        <CloudOff aria-hidden className="size-3.5" /> Save failed — retry
      </button>
    );
  } else if (save.dirty) {
    content = <span className={cn(base, "text-zinc-600 dark:text-zinc-400")}>Unsaved changes</span>;
  } else {
    const when = save.savedAt ? relativeTime(new Date(save.savedAt).toISOString(), new Date(Math.max(now, save.savedAt))) : "";
    content = (
      <span className={cn(base, "text-zinc-500")}>
        {/* On a phone the tick alone says it; the words stay for screen readers. */}
        <Check aria-hidden className="size-3.5 text-emerald-600" /> <span className="max-md:sr-only">{when ? `Saved ${when}` : "All changes saved"}</span>
      </span>
    );
  }
  return (
    <div className="relative" data-testid="save-indicator" data-status={save.dirty && save.status !== "saving" && save.status !== "error" && save.status !== "conflict" ? "dirty" : save.status} role="status" aria-live="polite">
      {content}
    </div>
  );
}
