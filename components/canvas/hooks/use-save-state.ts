"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { Autosaver, SaveSnapshot } from "../store/autosaver";

export function useSaveState(autosaver: Autosaver): SaveSnapshot {
  return useSyncExternalStore(autosaver.subscribe, autosaver.getSnapshot, autosaver.getSnapshot);
}

/** Re-renders every `ms` so "saved 2 minutes ago" stays true. */
export function useTick(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** Warns before leaving the page while changes are unsaved or being saved. */
export function useUnsavedChangesWarning(autosaver: Autosaver) {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const { dirty, status } = autosaver.getSnapshot();
      if (!dirty && status !== "saving") return;
      void autosaver.flush();
      event.preventDefault();
      event.returnValue = ""; // older browsers need a value to show the prompt
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [autosaver]);
}
