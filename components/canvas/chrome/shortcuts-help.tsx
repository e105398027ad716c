"use client";
// The keyboard shortcuts overlay, opened with "?".
import { Modal } from "@/components/ui/modal";
import { useIsMac } from "../hooks/use-is-mac";
import { EXTRA_HELP, SHORTCUTS } from "./shortcuts";

function Keys({ keys }: { keys: string[][] }) {
  const mod = useIsMac() ? "⌘" : "Ctrl";
  return (
    <span className="flex flex-wrap justify-end gap-1">
      {keys.map((combo, i) => (
        <span key={i} className="flex items-center gap-0.5">
          {i > 0 && <span className="mx-1 text-xs text-zinc-400">or</span>}
          {combo.map((k) => (
            <kbd key={k} className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-[11px] dark:border-zinc-700 dark:bg-zinc-800">
              {k === "Mod" ? mod : k}
            </kbd>
          ))}
        </span>
      ))}
    </span>
  );
}

export function ShortcutsHelp({ open, onOpenChange, readOnly }: { open: boolean; onOpenChange: (open: boolean) => void; readOnly: boolean }) {
  const rows = [...SHORTCUTS.filter((s) => !readOnly || !s.edits), ...EXTRA_HELP.filter((h) => !readOnly || !h.description.startsWith("Move"))];
  return (
    <Modal open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts" description="They work while the canvas has the focus, not while you type in a field.">
      <table data-testid="shortcuts-help" className="w-full text-sm">
        <tbody>
          {rows.map((row) => (
            <tr key={row.description} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <td className="py-1.5 pr-4">{row.description}</td>
              <td className="py-1.5">
                <Keys keys={row.keys} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
