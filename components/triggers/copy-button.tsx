"use client";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";

/** Copies `text` to the clipboard and says so. */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.error("The browser did not allow copying; select the text and copy it by hand.");
    }
  };
  return (
    <button type="button" aria-label={label} title={label} data-testid={testId} onClick={copy} className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100">
      {copied ? <Check aria-hidden className="size-3.5 text-green-600" /> : <Copy aria-hidden className="size-3.5" />}
    </button>
  );
}
