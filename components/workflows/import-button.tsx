"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Loader2, Upload } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { importWorkflowAction } from "@/app/(app)/workflows/actions";
import type { PathProblem } from "@/lib/workflows/contract";
import { MAX_PAYLOAD_BYTES, tooLargeMessage } from "@/lib/workflows/limits";
import { useHydrated } from "@/lib/use-hydrated";

interface Refused {
  message: string;
  problems: PathProblem[];
  truncated: boolean;
}

function describe({ message, problems, truncated }: Refused): string {
  if (problems.length === 0) return message;
  const count = `${truncated ? "More than " : ""}${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  return `${count}, each with where it is in the file. Nothing was saved.`;
}

/**
 * Imports a workflow file; when refused, lists the problems with where each is. Every import
 * ends in the new workflow or the problem list: the file input exists only once React listens
 * to it (a change event before hydration was lost, leaving no feedback at all), and a failed
 * request is reported instead of leaving the button spinning.
 */
export function ImportButton() {
  const router = useRouter();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [pending, setPending] = useState(false);

  async function onFile(file: File | undefined) {
    if (!file) return;
    // Checked here too: the server would refuse it, but only after the whole upload.
    if (file.size > MAX_PAYLOAD_BYTES) {
      setRefused({ message: "The file was not imported. Nothing was saved.", problems: [{ path: "", message: tooLargeMessage("The file", file.size) }], truncated: false });
      return;
    }
    setPending(true);
    try {
      const res = await importWorkflowAction({ text: await file.text(), fileName: file.name });
      if (res.ok) {
        toast.success(res.message ?? "Imported.", { action: { label: "Open", onClick: () => router.push(`/workflows/${res.id}`) } });
      } else {
        setRefused({ message: res.message, problems: res.problems ?? [], truncated: Boolean(res.truncated) });
      }
    } catch (error) {
      setRefused({ message: `The file could not be sent to the server (${(error as Error).message || "no answer"}). Nothing was saved; try again.`, problems: [], truncated: false });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {hydrated && (
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          tabIndex={-1}
          aria-label="Workflow file to import"
          data-testid="import-file-input"
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = ""; // choosing the same file again should import again
          }}
        />
      )}
      <Button variant="secondary" onClick={() => input.current?.click()} disabled={pending || !hydrated}>
        {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <Upload aria-hidden className="size-4" />} Import
      </Button>
      <Modal open={refused !== null} onOpenChange={(open) => !open && setRefused(null)} title="The file was not imported" description={refused ? describe(refused) : undefined}>
        <ol className="max-h-80 space-y-2 overflow-y-auto text-sm" data-testid="import-problems">
          {refused?.problems.map((p, i) => (
            <li key={i} className="rounded-md bg-red-50 px-3 py-2 dark:bg-red-500/10">
              <code className="block text-xs text-red-700 dark:text-red-300">{p.path || "the whole file"}</code>
              {p.message}
            </li>
          ))}
        </ol>
        {refused?.truncated && <p className="mt-2 text-sm text-zinc-500">Only the first {refused.problems.length} problems are listed.</p>}
        <div className="mt-4 flex justify-end">
          <Button onClick={() => setRefused(null)}>Close</Button>
        </div>
      </Modal>
    </>
  );
}
