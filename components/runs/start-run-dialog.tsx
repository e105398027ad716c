"use client";

// Starting a run from the runs list: a test run of the draft or a run of the published version,
// with the run input as JSON. The designer's Run button offers a form built from the start
// node's fields; this is the plain way for someone looking at the list. Refusals (input that
// fails the start schema, a graph that cannot run) show beside the input, nothing is started.
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Play } from "lucide-react";
import { toast } from "sonner";
import { startRunAction } from "@/app/(app)/runs/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import type { RunMode } from "@/lib/runtime/contract";

export function StartRunDialog({ workflowId, publishedVersion }: { workflowId: string; publishedVersion: number | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<RunMode>("test");
  const [text, setText] = useState("{}");
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();
  const inputId = useId();
  const errorId = `${inputId}-error`;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    let input: unknown;
    try {
      input = text.trim() === "" ? {} : JSON.parse(text);
    } catch (error) {
      setProblems([`The input is not valid JSON: ${(error as Error).message}`]);
      return;
    }
    startTransition(async () => {
      const res = await startRunAction({ workflowId, mode, input });
      if (!res.ok) {
        const fields = Object.entries(res.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
        const graph = (res.problems ?? []).map((p) => p.message);
        setProblems([res.message, ...fields, ...graph]);
        return;
      }
      toast.success(res.message);
      setOpen(false);
      router.push(`/runs/${res.runId}`);
    });
  }

  return (
    <Modal
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setProblems([]);
      }}
      title="Start a run"
      description="Runs the workflow now with the input below and opens the run."
      trigger={
        <Button data-testid="start-run">
          <Play aria-hidden className="size-4" /> Start a run
        </Button>
      }
    >
      <form onSubmit={submit} className="space-y-4">
        <fieldset>
          <legend className="mb-2 text-sm font-medium">What to run</legend>
          <div className="space-y-2 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="mode" value="test" checked={mode === "test"} onChange={() => setMode("test")} />
              Test run of the current draft
            </label>
            <label className={publishedVersion === null ? "flex items-center gap-2 text-zinc-400" : "flex items-center gap-2"}>
              <input type="radio" name="mode" value="published" checked={mode === "published"} disabled={publishedVersion === null} onChange={() => setMode("published")} />
              {publishedVersion === null ? "Published version (not published yet)" : `Published version ${publishedVersion}`}
            </label>
          </div>
        </fieldset>
        <div className="space-y-1.5">
          <label htmlFor={inputId} className="block text-sm font-medium">
            Input (JSON)
          </label>
          <textarea
            id={inputId}
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            aria-invalid={problems.length > 0}
            aria-describedby={problems.length > 0 ? errorId : undefined}
            className={`${inputClass} font-mono`}
          />
          {problems.length > 0 && (
            <ul id={errorId} role="alert" className="space-y-1 text-sm text-red-600 dark:text-red-400" data-testid="start-run-errors">
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending} data-testid="start-run-submit">
            {pending ? "Starting…" : "Start run"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
