"use client";
// Shown while the canvas holds steps drafted by AI that nobody reviewed yet: how many, a way to
// confirm them all, the draft's notes (a schedule to add, say) and thumbs up/down on the draft,
// stored with the suggestion (ai_workflow_suggestions). Gone once every step is reviewed.
import { useState } from "react";
import { useSearchParams } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Sparkles, ThumbsDown, ThumbsUp } from "lucide-react";
import { toast } from "sonner";
import { draftInfoAction, rateDraftAction } from "@/app/(app)/workflows/actions";
import { cn } from "@/lib/utils";
import { countSuggested } from "../graph/suggested";
import { useEditor, useEditorApi, useReadOnly } from "../store/context";

const draftKey = (id: string) => ["ai-draft", id] as const;

function Feedback({ suggestionId }: { suggestionId: string }) {
  const queryClient = useQueryClient();
  const info = useQuery({ queryKey: draftKey(suggestionId), queryFn: () => draftInfoAction(suggestionId), staleTime: 60_000 });
  const [comment, setComment] = useState("");
  const [sending, setSending] = useState(false);
  const vote = info.data?.ok ? info.data.vote : null;
  const send = async (next: "up" | "down") => {
    setSending(true);
    const result = await rateDraftAction({ suggestionId, vote: next, ...(comment.trim() ? { comment } : {}) });
    setSending(false);
    if (!result.ok) return void toast.error(result.message);
    toast.success(result.message ?? "Thanks.");
    void queryClient.invalidateQueries({ queryKey: draftKey(suggestionId) });
  };
  const thumb = (value: "up" | "down", Icon: typeof ThumbsUp, label: string) => (
    <button
      type="button"
      data-testid={`draft-vote-${value}`}
      aria-label={label}
      aria-pressed={vote === value}
      disabled={sending}
      onClick={() => void send(value)}
      className={cn(
        "rounded p-1 hover:bg-violet-100 focus-visible:ring-2 focus-visible:ring-violet-500 focus-visible:outline-none dark:hover:bg-violet-500/20",
        vote === value && "bg-violet-200 dark:bg-violet-500/30",
      )}
    >
      <Icon aria-hidden className="size-4" />
    </button>
  );
  return (
    <>
      {info.data?.ok &&
        info.data.notes.map((note) => (
          <p key={note} data-testid="draft-note" className="basis-full text-xs text-amber-800 dark:text-amber-300">{note}</p>
        ))}
      <span className="flex items-center gap-1">
        <input
          aria-label="Comment on the draft (optional)"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={1_000}
          placeholder="Comment (optional)"
          className="h-7 w-40 rounded border border-violet-200 bg-white px-2 text-xs dark:border-violet-500/30 dark:bg-zinc-900"
        />
        {thumb("up", ThumbsUp, "Good draft")}
        {thumb("down", ThumbsDown, "Poor draft")}
      </span>
    </>
  );
}

export function DraftBanner() {
  const store = useEditorApi();
  const readOnly = useReadOnly();
  const suggested = useEditor((s) => countSuggested(s.nodes));
  const total = useEditor((s) => s.nodes.length);
  const suggestionId = useSearchParams().get("draft");
  if (suggested === 0) return null;
  // At the bottom, between the zoom controls and the minimap: the run banner takes the top.
  return (
    <div
      data-testid="draft-banner"
      role="status"
      className="absolute right-44 bottom-3 left-12 z-10 mx-auto flex max-w-[46rem] flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-violet-200 bg-violet-50/95 px-3 py-2 text-sm text-violet-950 shadow-sm dark:border-violet-500/30 dark:bg-violet-950/90 dark:text-violet-100"
    >
      <Sparkles aria-hidden className="size-4 shrink-0" />
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">{suggested === total ? "Every step" : `${suggested} of ${total} steps`}</strong> {suggested === total || suggested === 1 ? "is" : "are"} suggested by AI:
        edit, move or confirm each to review it.
      </p>
      {!readOnly && (
        <button
          type="button"
          data-testid="confirm-all-suggested"
          onClick={() => store.getState().confirmSuggested()}
          className="rounded border border-violet-300 bg-white px-2 py-0.5 text-xs font-medium hover:bg-violet-100 focus-visible:ring-2 focus-visible:ring-violet-500 focus-visible:outline-none dark:border-violet-500/40 dark:bg-transparent"
        >
          Mark all reviewed
        </button>
      )}
      {suggestionId && /^[a-f0-9]{24}$/.test(suggestionId) && <Feedback suggestionId={suggestionId} />}
    </div>
  );
}
