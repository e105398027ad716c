"use client";
// Shown when a save is refused because someone else saved a newer revision: what differs, and
// the two ways out.
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { relativeTime } from "@/lib/format/relative-time";
import { useState } from "react";
import type { Autosaver, SaveConflict } from "../store/autosaver";
import { useSaveState } from "../hooks/use-save-state";
import { summarizeDiff } from "./version-compare";

/** Opens by itself for each new conflict; `reopenSignal` changing opens it again. */
export function ConflictDialog({ autosaver, reopenSignal }: { autosaver: Autosaver; reopenSignal: number }) {
  const { conflict } = useSaveState(autosaver);
  const [dismissed, setDismissed] = useState<{ conflict: SaveConflict | null; signal: number }>({ conflict: null, signal: reopenSignal });
  if (dismissed.signal !== reopenSignal) setDismissed({ conflict: null, signal: reopenSignal });
  const open = Boolean(conflict) && conflict !== dismissed.conflict;
  const onOpenChange = (next: boolean) => setDismissed({ conflict: next ? null : conflict, signal: reopenSignal });
  if (!conflict) return null;
  const when = relativeTime(conflict.updatedAt);
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Someone else saved a newer version"
      description={`${conflict.lastEditorName} saved this workflow${when ? ` ${when}` : ""}, after you opened it. Your latest changes are not saved yet.`}
    >
      <div className="space-y-4 text-sm" data-testid="conflict-dialog">
        <div className="rounded-md bg-zinc-50 p-3 dark:bg-zinc-800/60">
          <p className="font-medium">Compared with their version, yours has:</p>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300" data-testid="conflict-summary">
            {summarizeDiff(conflict.diff)}
          </p>
        </div>
        <p className="text-zinc-600 dark:text-zinc-400">
          Reload theirs to continue from their version (your unsaved changes are dropped), or overwrite it with yours.
        </p>
        <div className="flex justify-end gap-2">
          <Button
            variant="secondary"
            onClick={() => {
              autosaver.reloadTheirs();
              onOpenChange(false);
            }}
          >
            Reload theirs
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              onOpenChange(false);
              void autosaver.overwrite();
            }}
          >
            Overwrite with mine
          </Button>
        </div>
      </div>
    </Modal>
  );
}
