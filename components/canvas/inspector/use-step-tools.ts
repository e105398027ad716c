"use client";
// What the inspector's debugging tools share (issue 13): saving the draft first, so a step test
// or a run from here uses what is on screen, and pinning an output on the node through the
// designer's one store (autosave sends it; the server stamps who pinned it).
import { useCallback } from "react";
import type { Autosaver } from "../store/autosaver";
import { useEditorApi } from "../store/context";

export const NOT_SAVED = "Your latest changes are not saved yet, so the test would not use them. Save them first.";

/** Saves pending changes; null when saved, else what to tell the person. */
export function useSaveFirst(autosaver: Autosaver | undefined): () => Promise<string | null> {
  return useCallback(async () => {
    if (!autosaver) return null;
    return (await autosaver.flush()) ? null : (autosaver.getSnapshot().message ?? NOT_SAVED);
  }, [autosaver]);
}

export function usePinOutput(nodeId: string) {
  const store = useEditorApi();
  const pin = useCallback(
    (output: unknown, handle: string | null | undefined, fromRunId?: string | null) =>
      store.getState().setPinned(nodeId, {
        output,
        ...(handle ? { handle } : {}),
        pinnedAt: new Date().toISOString(),
        pinnedBy: "",
        ...(fromRunId ? { fromRunId } : {}),
      }),
    [store, nodeId],
  );
  const unpin = useCallback(() => store.getState().setPinned(nodeId, null), [store, nodeId]);
  return { pin, unpin };
}
