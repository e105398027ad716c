"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Loader2, Upload } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { importWorkflowAction } from "@/app/(app)/workflows/actions";
import type { PathProblem } from "@/lib/workflows/contract";
import { MAX_PAYLOAD_BYTES, tooLargeMessage } from "@/lib/workflows/limits";

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

/** Imports a workflow file; when refused, lists the problems with where each is. */
export function ImportButton() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [pending, startTransition] = useTransition();

  function onFile(file: File | undefined) {
    if (!file) return;
    // Checked here too: the server would refuse it, but only after the whole upload.
    if (file.size > MAX_PAYLOAD_BYTES) {
      setRefused({ message: "The file was not imported. Nothing was saved.", problems: [{ path: "", message: tooLargeMessage("The file", file.size) }], truncated: false });
      return;
    }
    startTransition(async () => {
      const res = await importWorkflowAction({ text: await file.text(), fileName: file.name });
      if (res.ok) {
        toast.success(res.message ?? "Imported.", { action: { label: "Open", onClick: () => router.push(`/workflows/${res.id}`) } });
      } else {
        setRefused({ message: res.message, problems: res.problems ?? [], truncated: Boolean(res.truncated) });
      }
    });
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="sr-only"
        tabIndex={-1}
        aria-label="Workflow file to import"
        data-testid="import-file-input"
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = ""; // choosing the same file again should import again
        }}
      />
      <Button variant="secondary" onClick={() => input.current?.click()} disabled={pending}>
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
