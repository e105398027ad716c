"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { commentTaskAction } from "@/app/(app)/inbox/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { TaskView } from "@/lib/tasks/queries";
import { formatMoment } from "@/lib/format/run-format";

/**
 * The task's comments. `withBox` is false while the decision form is on the page: its Comment
 * field is then the one place to write (with "Comment without deciding").
 */
export function TaskComments({ taskId, comments, withBox = true }: { taskId: string; comments: TaskView["comments"]; withBox?: boolean }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const res = await commentTaskAction(taskId, { text });
    setBusy(false);
    if (!res.ok) return setError(res.errors?.text?.join(" ") ?? res.message);
    setText("");
    setError(null);
    router.refresh();
  };
  return (
    <div className="space-y-4">
      {comments.length === 0 ? (
        <p className="text-sm text-zinc-500">No comments yet.</p>
      ) : (
        <ul className="space-y-3" data-testid="task-comments">
          {comments.map((c, i) => (
            <li key={i} className="rounded-lg bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
              <p className="text-xs text-zinc-500">
                <span className="font-medium text-zinc-700 dark:text-zinc-300">{c.byName}</span> · {formatMoment(c.at)}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-sm">{c.text}</p>
            </li>
          ))}
        </ul>
      )}
      {withBox && (
        <form onSubmit={(e) => void send(e)} className="space-y-2" noValidate>
          <label htmlFor="new-comment" className="sr-only">
            Add a comment
          </label>
          <textarea id="new-comment" rows={2} placeholder="Add a comment" className={inputClass} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={Boolean(error)} aria-describedby={error ? "new-comment-error" : undefined} />
          {error && <p id="new-comment-error" role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>}
          <Button type="submit" size="sm" variant="secondary" disabled={busy}>
            {busy ? "Posting…" : "Comment"}
          </Button>
        </form>
      )}
    </div>
  );
}
