"use client";
// The workflow's run settings: edited in the inspector when nothing is selected, saved on their
// own (updateMetaAction) shortly after the last change, apart from the graph and its revision.
import { useCallback, useEffect, useRef, useState } from "react";
import { updateMetaAction } from "@/app/(app)/workflows/[id]/actions";
import { workflowSettingsSchema } from "@/lib/workflow/schema";
import type { WorkflowSettings } from "@/lib/workflow/types";

export type SettingsSaveState = { status: "idle" | "saving" | "saved" | "error"; message?: string };

const DELAY_MS = 800;

export function useSettings(workflowId: string, initial: WorkflowSettings) {
  const [settings, setSettings] = useState(initial);
  const [save, setSave] = useState<SettingsSaveState>({ status: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<WorkflowSettings | null>(null);

  const send = useCallback(async () => {
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    setSave({ status: "saving" });
    try {
      const result = await updateMetaAction({ id: workflowId, settings: next });
      setSave(result.ok ? { status: "saved" } : { status: "error", message: result.message });
    } catch {
      setSave({ status: "error", message: "Could not reach the server." });
    }
  }, [workflowId]);

  const update = useCallback(
    (next: WorkflowSettings) => {
      setSettings(next);
      if (!workflowSettingsSchema.safeParse(next).success) return; // shown beside the fields
      pending.current = next;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), DELAY_MS);
    },
    [send],
  );

  /** Settings that came from the server (a restored version): nothing to save. */
  const replace = useCallback((next: WorkflowSettings) => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    setSettings(next);
  }, []);

  // Leaving with a pending change: send it now.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        void send();
      }
    },
    [send],
  );

  return { settings, update, replace, save };
}
