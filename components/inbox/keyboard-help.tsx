"use client";

import { Modal } from "@/components/ui/modal";

const KEYS: [string, string][] = [
  ["j / ↓", "Next task"],
  ["k / ↑", "Previous task"],
  ["Enter", "Open the task"],
  ["c", "Claim it"],
  ["a", "Approve it (opens the task when its form needs answers)"],
  ["r", "Reject it (opens the task to give a reason)"],
  ["/", "Search"],
  ["?", "This help"],
];

export function KeyboardHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Modal open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts" description="Triage the list without the mouse.">
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        {KEYS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800">{key}</kbd>
            </dt>
            <dd className="text-zinc-700 dark:text-zinc-300">{what}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
