"use client";
// "Available to AI assistants": saved at once when switched (setAvailableToAiAction), apart from
// the run settings and the graph; switched back when the server refuses. Held by the workspace so
// it survives the inspector closing and opening.
import { useCallback, useMemo, useState } from "react";
import { setAvailableToAiAction } from "@/app/(app)/workflows/[id]/actions";
import type { SettingsSaveState } from "./use-settings";

export interface AiAvailabilityState {
  available: boolean;
  save: SettingsSaveState;
  set(next: boolean): void;
}

export function useAiAvailability(workflowId: string, initial: boolean): AiAvailabilityState {
  const [available, setAvailable] = useState(initial);
  const [save, setSave] = useState<SettingsSaveState>({ status: "idle" });
  const set = useCallback(
    async (next: boolean) => {
      setAvailable(next);
      setSave({ status: "saving" });
      try {
        const result = await setAvailableToAiAction({ id: workflowId, available: next });
        if (result.ok) {
          setSave({ status: "saved", message: result.message });
          return;
        }
        setAvailable(!next);
        setSave({ status: "error", message: result.message });
      } catch {
        setAvailable(!next);
        setSave({ status: "error", message: "Could not reach the server." });
      }
    },
    [workflowId],
  );
  // One object per change, so the memoised inspector re-renders only when this changes.
  return useMemo(() => ({ available, save, set: (next: boolean) => void set(next) }), [available, save, set]);
}
